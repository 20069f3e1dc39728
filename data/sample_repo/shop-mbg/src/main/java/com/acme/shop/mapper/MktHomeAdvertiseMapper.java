package com.acme.shop.mapper;

import com.acme.shop.model.MktHomeAdvertise;
import com.acme.shop.model.MktHomeAdvertiseExample;
import java.util.List;
import org.apache.ibatis.annotations.Param;

public interface MktHomeAdvertiseMapper {
    /**
     * @mbg.generated
     */
    long countByExample(MktHomeAdvertiseExample example);

    /**
     * @mbg.generated
     */
    int deleteByExample(MktHomeAdvertiseExample example);

    /**
     * @mbg.generated
     */
    int deleteByPrimaryKey(Long id);

    /**
     * @mbg.generated
     */
    int insert(MktHomeAdvertise record);

    /**
     * @mbg.generated
     */
    int insertSelective(MktHomeAdvertise record);

    /**
     * @mbg.generated
     */
    List<MktHomeAdvertise> selectByExample(MktHomeAdvertiseExample example);

    /**
     * @mbg.generated
     */
    MktHomeAdvertise selectByPrimaryKey(Long id);

    /**
     * @mbg.generated
     */
    int updateByExampleSelective(@Param("record") MktHomeAdvertise record, @Param("example") MktHomeAdvertiseExample example);

    /**
     * @mbg.generated
     */
    int updateByExample(@Param("record") MktHomeAdvertise record, @Param("example") MktHomeAdvertiseExample example);

    /**
     * @mbg.generated
     */
    int updateByPrimaryKeySelective(MktHomeAdvertise record);

    /**
     * @mbg.generated
     */
    int updateByPrimaryKey(MktHomeAdvertise record);
}
