package com.acme.shop.admin.service;

import com.acme.shop.admin.dto.TrdUpdateStatusParam;
import com.acme.shop.model.TrdOrderReturnApply;

/**
 * 退货申请处理Service
 */
public interface TrdReturnApplyService {
    /**
     * 修改申请状态
     */
    int updateStatus(Long id, TrdUpdateStatusParam statusParam);

    /**
     * 获取退货申请详情
     */
    TrdOrderReturnApply getItem(Long id);
}
