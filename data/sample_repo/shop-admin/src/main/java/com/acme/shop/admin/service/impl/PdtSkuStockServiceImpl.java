package com.acme.shop.admin.service.impl;

import com.acme.shop.admin.dao.PdtSkuStockDao;
import com.acme.shop.admin.service.PdtSkuStockService;
import com.acme.shop.mapper.PdtSkuStockMapper;
import com.acme.shop.model.PdtSkuStock;
import com.acme.shop.model.PdtSkuStockExample;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;
import org.springframework.util.StringUtils;

import java.util.List;

/**
 * 商品SKU库存管理Service实现类
 */
@Service
public class PdtSkuStockServiceImpl implements PdtSkuStockService {
    @Autowired
    private PdtSkuStockMapper skuStockMapper;
    @Autowired
    private PdtSkuStockDao skuStockDao;

    @Override
    public List<PdtSkuStock> getList(Long pid, String keyword) {
        PdtSkuStockExample example = new PdtSkuStockExample();
        PdtSkuStockExample.Criteria criteria = example.createCriteria().andProductIdEqualTo(pid);
        if (!StringUtils.isEmpty(keyword)) {
            criteria.andSkuCodeLike("%" + keyword + "%");
        }
        return skuStockMapper.selectByExample(example);
    }

    @Override
    public int update(Long pid, List<PdtSkuStock> skuStockList) {
        // 更新库存、价格、预警库存（整行替换）
        for (PdtSkuStock skuStock : skuStockList) {
            skuStock.setProductId(pid);
        }
        return skuStockDao.replaceList(skuStockList);
    }

    @Override
    public List<PdtSkuStock> listLowStock() {
        return skuStockDao.listLowStock();
    }
}
