package com.acme.shop.admin.service;

import com.acme.shop.model.TrdOrderSetting;

/**
 * 订单设置Service / order timeouts configuration.
 */
public interface TrdOrderSettingService {
    /**
     * 获取指定订单设置
     */
    TrdOrderSetting getItem(Long id);

    /**
     * 修改指定订单设置
     */
    int update(Long id, TrdOrderSetting orderSetting);
}
