package com.acme.shop.mapper;

import com.acme.shop.model.TrdCartItem;
import com.acme.shop.model.TrdCartItemExample;
import java.util.List;
import org.apache.ibatis.annotations.Param;

public interface TrdCartItemMapper {
    /**
     * @mbg.generated
     */
    long countByExample(TrdCartItemExample example);

    /**
     * @mbg.generated
     */
    int deleteByExample(TrdCartItemExample example);

    /**
     * @mbg.generated
     */
    int deleteByPrimaryKey(Long id);

    /**
     * @mbg.generated
     */
    int insert(TrdCartItem record);

    /**
     * @mbg.generated
     */
    int insertSelective(TrdCartItem record);

    /**
     * @mbg.generated
     */
    List<TrdCartItem> selectByExample(TrdCartItemExample example);

    /**
     * @mbg.generated
     */
    TrdCartItem selectByPrimaryKey(Long id);

    /**
     * @mbg.generated
     */
    int updateByExampleSelective(@Param("record") TrdCartItem record, @Param("example") TrdCartItemExample example);

    /**
     * @mbg.generated
     */
    int updateByExample(@Param("record") TrdCartItem record, @Param("example") TrdCartItemExample example);

    /**
     * @mbg.generated
     */
    int updateByPrimaryKeySelective(TrdCartItem record);

    /**
     * @mbg.generated
     */
    int updateByPrimaryKey(TrdCartItem record);
}
