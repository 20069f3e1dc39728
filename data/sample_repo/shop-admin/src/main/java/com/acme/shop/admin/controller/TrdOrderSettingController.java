package com.acme.shop.admin.controller;

import com.acme.shop.admin.service.TrdOrderSettingService;
import com.acme.shop.common.api.CommonResult;
import com.acme.shop.model.TrdOrderSetting;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * 订单设置Controller / order timeouts (overtime minutes, auto-confirm days ...).
 */
@RestController
@RequestMapping("/orderSetting")
public class TrdOrderSettingController {
    @Autowired
    private TrdOrderSettingService orderSettingService;

    @GetMapping("/{id}")
    public CommonResult<TrdOrderSetting> getItem(@PathVariable Long id) {
        TrdOrderSetting orderSetting = orderSettingService.getItem(id);
        return CommonResult.success(orderSetting);
    }

    @PostMapping("/update/{id}")
    public CommonResult<Integer> update(@PathVariable Long id, @RequestBody TrdOrderSetting orderSetting) {
        int count = orderSettingService.update(id, orderSetting);
        if (count > 0) {
            return CommonResult.success(count);
        }
        return CommonResult.failed();
    }
}
