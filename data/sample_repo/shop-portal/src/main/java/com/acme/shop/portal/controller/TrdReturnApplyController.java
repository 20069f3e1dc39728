package com.acme.shop.portal.controller;

import com.acme.shop.common.api.CommonResult;
import com.acme.shop.model.TrdOrderReturnApply;
import com.acme.shop.portal.service.TrdPortalReturnApplyService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * 申请退货管理Controller
 */
@RestController
@RequestMapping("/returnApply")
public class TrdReturnApplyController {
    @Autowired
    private TrdPortalReturnApplyService returnApplyService;

    @PostMapping("/create")
    public CommonResult<Integer> create(@RequestBody TrdOrderReturnApply returnApply) {
        int count = returnApplyService.create(returnApply);
        if (count > 0) {
            return CommonResult.success(count);
        }
        return CommonResult.failed();
    }
}
