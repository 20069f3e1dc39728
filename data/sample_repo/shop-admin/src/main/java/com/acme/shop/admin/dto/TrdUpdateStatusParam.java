package com.acme.shop.admin.dto;

import java.math.BigDecimal;

/**
 * 确认收货/拒绝退货提交参数 / body of POST /returnApply/update/status/{id}.
 */
public class TrdUpdateStatusParam {
    /** 收货地址关联id */
    private Long companyAddressId;
    /** 确认退款金额 */
    private BigDecimal returnAmount;
    /** 处理备注 */
    private String handleNote;
    /** 处理人 */
    private String handleMan;
    /** 收货备注 */
    private String receiveNote;
    /** 收货人 */
    private String receiveMan;
    /** 申请状态：1->退货中；2->已完成；3->已拒绝 */
    private Integer status;

    public Long getCompanyAddressId() {
        return companyAddressId;
    }

    public void setCompanyAddressId(Long companyAddressId) {
        this.companyAddressId = companyAddressId;
    }

    public BigDecimal getReturnAmount() {
        return returnAmount;
    }

    public void setReturnAmount(BigDecimal returnAmount) {
        this.returnAmount = returnAmount;
    }

    public String getHandleNote() {
        return handleNote;
    }

    public void setHandleNote(String handleNote) {
        this.handleNote = handleNote;
    }

    public String getHandleMan() {
        return handleMan;
    }

    public void setHandleMan(String handleMan) {
        this.handleMan = handleMan;
    }

    public String getReceiveNote() {
        return receiveNote;
    }

    public void setReceiveNote(String receiveNote) {
        this.receiveNote = receiveNote;
    }

    public String getReceiveMan() {
        return receiveMan;
    }

    public void setReceiveMan(String receiveMan) {
        this.receiveMan = receiveMan;
    }

    public Integer getStatus() {
        return status;
    }

    public void setStatus(Integer status) {
        this.status = status;
    }
}
