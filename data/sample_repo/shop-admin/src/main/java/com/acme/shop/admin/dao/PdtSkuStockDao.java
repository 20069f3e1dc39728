package com.acme.shop.admin.dao;

import com.acme.shop.model.PdtSkuStock;
import org.apache.ibatis.annotations.Param;

import java.util.List;

/**
 * 商品SKU自定义Dao
 */
public interface PdtSkuStockDao {
    /**
     * 批量插入或替换操作
     */
    int replaceList(@Param("list") List<PdtSkuStock> skuStockList);

    /**
     * 查询库存低于预警值的sku
     */
    List<PdtSkuStock> listLowStock();
}
