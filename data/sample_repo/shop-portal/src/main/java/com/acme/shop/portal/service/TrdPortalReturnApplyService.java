package com.acme.shop.portal.service;

import com.acme.shop.model.TrdOrderReturnApply;

/**
 * 前台订单退货管理Service
 */
public interface TrdPortalReturnApplyService {
    /**
     * 提交申请
     */
    int create(TrdOrderReturnApply returnApply);
}
