package com.acme.shop.admin.service.impl;

import com.acme.shop.admin.service.TrdOrderSettingService;
import com.acme.shop.mapper.TrdOrderSettingMapper;
import com.acme.shop.model.TrdOrderSetting;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;

/**
 * 订单设置管理Service实现类
 */
@Service
public class TrdOrderSettingServiceImpl implements TrdOrderSettingService {
    @Autowired
    private TrdOrderSettingMapper orderSettingMapper;

    @Override
    public TrdOrderSetting getItem(Long id) {
        return orderSettingMapper.selectByPrimaryKey(id);
    }

    @Override
    public int update(Long id, TrdOrderSetting orderSetting) {
        orderSetting.setId(id);
        return orderSettingMapper.updateByPrimaryKey(orderSetting);
    }
}
