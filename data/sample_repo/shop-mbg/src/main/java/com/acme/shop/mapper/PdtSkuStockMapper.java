package com.acme.shop.mapper;

import com.acme.shop.model.PdtSkuStock;
import com.acme.shop.model.PdtSkuStockExample;
import java.util.List;
import org.apache.ibatis.annotations.Param;

public interface PdtSkuStockMapper {
    /**
     * @mbg.generated
     */
    long countByExample(PdtSkuStockExample example);

    /**
     * @mbg.generated
     */
    int deleteByExample(PdtSkuStockExample example);

    /**
     * @mbg.generated
     */
    int deleteByPrimaryKey(Long id);

    /**
     * @mbg.generated
     */
    int insert(PdtSkuStock record);

    /**
     * @mbg.generated
     */
    int insertSelective(PdtSkuStock record);

    /**
     * @mbg.generated
     */
    List<PdtSkuStock> selectByExample(PdtSkuStockExample example);

    /**
     * @mbg.generated
     */
    PdtSkuStock selectByPrimaryKey(Long id);

    /**
     * @mbg.generated
     */
    int updateByExampleSelective(@Param("record") PdtSkuStock record, @Param("example") PdtSkuStockExample example);

    /**
     * @mbg.generated
     */
    int updateByExample(@Param("record") PdtSkuStock record, @Param("example") PdtSkuStockExample example);

    /**
     * @mbg.generated
     */
    int updateByPrimaryKeySelective(PdtSkuStock record);

    /**
     * @mbg.generated
     */
    int updateByPrimaryKey(PdtSkuStock record);
}
