package com.acme.shop.admin.dto;

/**
 * 订单发货参数 / one line of a batch delivery request.
 */
public class TrdOrderDeliveryParam {
    /** 订单id */
    private Long orderId;
    /** 物流公司 */
    private String deliveryCompany;
    /** 物流单号 */
    private String deliverySn;

    public Long getOrderId() {
        return orderId;
    }

    public void setOrderId(Long orderId) {
        this.orderId = orderId;
    }

    public String getDeliveryCompany() {
        return deliveryCompany;
    }

    public void setDeliveryCompany(String deliveryCompany) {
        this.deliveryCompany = deliveryCompany;
    }

    public String getDeliverySn() {
        return deliverySn;
    }

    public void setDeliverySn(String deliverySn) {
        this.deliverySn = deliverySn;
    }
}
