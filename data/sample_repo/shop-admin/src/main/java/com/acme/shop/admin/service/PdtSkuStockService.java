package com.acme.shop.admin.service;

import com.acme.shop.model.PdtSkuStock;

import java.util.List;

/**
 * 商品SKU库存管理Service / SKU stock maintenance.
 */
public interface PdtSkuStockService {
    /**
     * 根据产品id和skuCode模糊搜索
     */
    List<PdtSkuStock> getList(Long pid, String keyword);

    /**
     * 批量更新商品库存信息
     */
    int update(Long pid, List<PdtSkuStock> skuStockList);

    /**
     * 查询库存低于预警值的sku
     */
    List<PdtSkuStock> listLowStock();
}
