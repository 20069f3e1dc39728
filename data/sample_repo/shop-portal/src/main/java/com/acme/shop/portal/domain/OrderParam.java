package com.acme.shop.portal.domain;

import java.util.List;

/**
 * 生成订单时传入的参数 / request body of POST /order/generateOrder.
 */
public class OrderParam {
    /** 收货地址ID */
    private Long memberReceiveAddressId;
    /** 优惠券ID */
    private Long couponId;
    /** 使用的积分数 */
    private Integer useIntegration;
    /** 支付方式：0->未支付；1->支付宝；2->微信 */
    private Integer payType;
    /** 被选中的购物车商品ID */
    private List<Long> cartIds;

    public Long getMemberReceiveAddressId() {
        return memberReceiveAddressId;
    }

    public void setMemberReceiveAddressId(Long memberReceiveAddressId) {
        this.memberReceiveAddressId = memberReceiveAddressId;
    }

    public Long getCouponId() {
        return couponId;
    }

    public void setCouponId(Long couponId) {
        this.couponId = couponId;
    }

    public Integer getUseIntegration() {
        return useIntegration;
    }

    public void setUseIntegration(Integer useIntegration) {
        this.useIntegration = useIntegration;
    }

    public Integer getPayType() {
        return payType;
    }

    public void setPayType(Integer payType) {
        this.payType = payType;
    }

    public List<Long> getCartIds() {
        return cartIds;
    }

    public void setCartIds(List<Long> cartIds) {
        this.cartIds = cartIds;
    }
}
