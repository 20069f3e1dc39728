package com.acme.shop.admin.controller;

import com.acme.shop.admin.dto.TrdUpdateStatusParam;
import com.acme.shop.admin.service.TrdReturnApplyService;
import com.acme.shop.common.api.CommonResult;
import com.acme.shop.model.TrdOrderReturnApply;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * 订单退货申请管理Controller
 */
@RestController
@RequestMapping("/returnApply")
public class TrdReturnApplyController {
    @Autowired
    private TrdReturnApplyService returnApplyService;

    @GetMapping("/{id}")
    public CommonResult<TrdOrderReturnApply> getItem(@PathVariable Long id) {
        return CommonResult.success(returnApplyService.getItem(id));
    }

    /**
     * 修改申请状态
     */
    @PostMapping("/update/status/{id}")
    public CommonResult<Integer> updateStatus(@PathVariable Long id, @RequestBody TrdUpdateStatusParam statusParam) {
        int count = returnApplyService.updateStatus(id, statusParam);
        if (count > 0) {
            return CommonResult.success(count);
        }
        return CommonResult.failed();
    }
}
