package com.acme.shop.admin.controller;

import com.acme.shop.admin.service.PdtSkuStockService;
import com.acme.shop.common.api.CommonResult;
import com.acme.shop.model.PdtSkuStock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/**
 * sku商品库存管理Controller / SKU stock endpoints.
 */
@RestController
@RequestMapping("/sku")
public class PdtSkuStockController {
    @Autowired
    private PdtSkuStockService skuStockService;

    /**
     * 库存低于预警值的sku列表
     */
    @GetMapping("/lowStock")
    public CommonResult<List<PdtSkuStock>> listLowStock() {
        return CommonResult.success(skuStockService.listLowStock());
    }

    /**
     * 根据商品ID及sku编码模糊搜索sku库存
     */
    @GetMapping("/{pid}")
    public CommonResult<List<PdtSkuStock>> getList(@PathVariable Long pid, @RequestParam(value = "keyword", required = false) String keyword) {
        List<PdtSkuStock> skuStockList = skuStockService.getList(pid, keyword);
        return CommonResult.success(skuStockList);
    }

    /**
     * 批量更新sku库存信息
     */
    @PostMapping("/update/{pid}")
    public CommonResult<Integer> update(@PathVariable Long pid, @RequestBody List<PdtSkuStock> skuStockList) {
        int count = skuStockService.update(pid, skuStockList);
        if (count > 0) {
            return CommonResult.success(count);
        }
        return CommonResult.failed();
    }
}
