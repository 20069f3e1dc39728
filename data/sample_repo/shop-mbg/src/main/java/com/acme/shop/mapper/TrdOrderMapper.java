package com.acme.shop.mapper;

import com.acme.shop.model.TrdOrder;
import com.acme.shop.model.TrdOrderExample;
import java.util.List;
import org.apache.ibatis.annotations.Param;

public interface TrdOrderMapper {
    /**
     * @mbg.generated
     */
    long countByExample(TrdOrderExample example);

    /**
     * @mbg.generated
     */
    int deleteByExample(TrdOrderExample example);

    /**
     * @mbg.generated
     */
    int deleteByPrimaryKey(Long id);

    /**
     * @mbg.generated
     */
    int insert(TrdOrder record);

    /**
     * @mbg.generated
     */
    int insertSelective(TrdOrder record);

    /**
     * @mbg.generated
     */
    List<TrdOrder> selectByExample(TrdOrderExample example);

    /**
     * @mbg.generated
     */
    TrdOrder selectByPrimaryKey(Long id);

    /**
     * @mbg.generated
     */
    int updateByExampleSelective(@Param("record") TrdOrder record, @Param("example") TrdOrderExample example);

    /**
     * @mbg.generated
     */
    int updateByExample(@Param("record") TrdOrder record, @Param("example") TrdOrderExample example);

    /**
     * @mbg.generated
     */
    int updateByPrimaryKeySelective(TrdOrder record);

    /**
     * @mbg.generated
     */
    int updateByPrimaryKey(TrdOrder record);
}
