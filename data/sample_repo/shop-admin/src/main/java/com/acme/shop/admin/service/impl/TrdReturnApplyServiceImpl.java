package com.acme.shop.admin.service.impl;

import com.acme.shop.admin.dto.TrdUpdateStatusParam;
import com.acme.shop.admin.service.TrdReturnApplyService;
import com.acme.shop.mapper.TrdOrderReturnApplyMapper;
import com.acme.shop.model.TrdOrderReturnApply;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;

import java.util.Date;

/**
 * 订单退货管理Service实现类
 * 申请状态：0->待处理；1->退货中；2->已完成；3->已拒绝
 */
@Service
public class TrdReturnApplyServiceImpl implements TrdReturnApplyService {
    @Autowired
    private TrdOrderReturnApplyMapper returnApplyMapper;

    @Override
    public int updateStatus(Long id, TrdUpdateStatusParam statusParam) {
        Integer status = statusParam.getStatus();
        TrdOrderReturnApply returnApply = new TrdOrderReturnApply();
        if (status.equals(1)) {
            // 确认退货 / accept the return
            returnApply.setId(id);
            returnApply.setStatus(1);
            returnApply.setReturnAmount(statusParam.getReturnAmount());
            returnApply.setCompanyAddressId(statusParam.getCompanyAddressId());
            returnApply.setHandleTime(new Date());
            returnApply.setHandleMan(statusParam.getHandleMan());
            returnApply.setHandleNote(statusParam.getHandleNote());
        } else if (status.equals(2)) {
            // 完成退货 / goods received back
            returnApply.setId(id);
            returnApply.setStatus(2);
            returnApply.setReceiveTime(new Date());
            returnApply.setReceiveMan(statusParam.getReceiveMan());
            returnApply.setReceiveNote(statusParam.getReceiveNote());
        } else if (status.equals(3)) {
            // 拒绝退货 / reject
            returnApply.setId(id);
            returnApply.setStatus(3);
            returnApply.setHandleTime(new Date());
            returnApply.setHandleMan(statusParam.getHandleMan());
            returnApply.setHandleNote(statusParam.getHandleNote());
        } else {
            return 0;
        }
        return returnApplyMapper.updateByPrimaryKeySelective(returnApply);
    }

    @Override
    public TrdOrderReturnApply getItem(Long id) {
        return returnApplyMapper.selectByPrimaryKey(id);
    }
}
