package com.acme.shop.portal.service.impl;

import com.acme.shop.mapper.TrdOrderReturnApplyMapper;
import com.acme.shop.model.TrdOrderReturnApply;
import com.acme.shop.portal.service.TrdPortalReturnApplyService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;

import java.util.Date;

/**
 * 订单退货管理Service实现类
 */
@Service
public class TrdPortalReturnApplyServiceImpl implements TrdPortalReturnApplyService {
    @Autowired
    private TrdOrderReturnApplyMapper returnApplyMapper;

    @Override
    public int create(TrdOrderReturnApply returnApply) {
        returnApply.setId(null);
        returnApply.setCreateTime(new Date());
        // 申请状态：0->待处理 / a new application always starts as pending
        returnApply.setStatus(0);
        return returnApplyMapper.insert(returnApply);
    }
}
