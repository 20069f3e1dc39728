package com.acme.shop.portal.component;

import com.acme.shop.mapper.PdtSkuStockMapper;
import com.acme.shop.model.PdtSkuStock;
import com.acme.shop.model.PdtSkuStockExample;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * 库存预警定时任务 / low-stock alert job.
 * 注意：暂时停用（@Component 已注释），预警改由后台 /sku/lowStock 接口人工查看。
 * Disabled for now: the bean is not registered, so the schedule never fires.
 */
//@Component
public class StockAlertTask {
    private static final Logger LOGGER = LoggerFactory.getLogger(StockAlertTask.class);
    @Autowired
    private PdtSkuStockMapper skuStockMapper;

    /**
     * 每天早上8点检查一次库存低于预警值的sku
     */
    @Scheduled(cron = "0 0 8 * * ?")
    public void checkLowStock() {
        PdtSkuStockExample example = new PdtSkuStockExample();
        example.createCriteria().andLowStockIsNotNull();
        List<PdtSkuStock> skuStockList = skuStockMapper.selectByExample(example);
        for (PdtSkuStock skuStock : skuStockList) {
            if (skuStock.getStock() <= skuStock.getLowStock()) {
                LOGGER.warn("库存预警：skuCode={}, stock={}, lowStock={}", skuStock.getSkuCode(), skuStock.getStock(), skuStock.getLowStock());
            }
        }
    }
}
