package com.acme.shop.portal.domain;

import com.acme.shop.model.MbrMemberReceiveAddress;
import com.acme.shop.model.MktCoupon;

import java.math.BigDecimal;
import java.util.List;

/**
 * 确认单信息封装 / everything the checkout page needs before an order is generated.
 */
public class ConfirmOrderResult {
    /** 包含优惠信息的购物车信息 */
    private List<CartPromotionItem> cartPromotionItemList;
    /** 用户收货地址列表 */
    private List<MbrMemberReceiveAddress> memberReceiveAddressList;
    /** 用户可用优惠券列表 */
    private List<MktCoupon> couponList;
    /** 每一元需要抵扣的积分数量 */
    private Integer useUnit;
    /** 每笔订单最高抵用百分比 */
    private Integer maxPercentPerOrder;
    /** 会员持有的积分 */
    private Integer memberIntegration;
    /** 计算的金额 */
    private CalcAmount calcAmount;

    public List<CartPromotionItem> getCartPromotionItemList() {
        return cartPromotionItemList;
    }

    public void setCartPromotionItemList(List<CartPromotionItem> cartPromotionItemList) {
        this.cartPromotionItemList = cartPromotionItemList;
    }

    public List<MbrMemberReceiveAddress> getMemberReceiveAddressList() {
        return memberReceiveAddressList;
    }

    public void setMemberReceiveAddressList(List<MbrMemberReceiveAddress> memberReceiveAddressList) {
        this.memberReceiveAddressList = memberReceiveAddressList;
    }

    public List<MktCoupon> getCouponList() {
        return couponList;
    }

    public void setCouponList(List<MktCoupon> couponList) {
        this.couponList = couponList;
    }

    public Integer getUseUnit() {
        return useUnit;
    }

    public void setUseUnit(Integer useUnit) {
        this.useUnit = useUnit;
    }

    public Integer getMaxPercentPerOrder() {
        return maxPercentPerOrder;
    }

    public void setMaxPercentPerOrder(Integer maxPercentPerOrder) {
        this.maxPercentPerOrder = maxPercentPerOrder;
    }

    public Integer getMemberIntegration() {
        return memberIntegration;
    }

    public void setMemberIntegration(Integer memberIntegration) {
        this.memberIntegration = memberIntegration;
    }

    public CalcAmount getCalcAmount() {
        return calcAmount;
    }

    public void setCalcAmount(CalcAmount calcAmount) {
        this.calcAmount = calcAmount;
    }

    /**
     * 金额汇总 / price summary shown on the confirm page
     */
    public static class CalcAmount {
        /** 订单商品总金额 */
        private BigDecimal totalAmount;
        /** 运费 */
        private BigDecimal freightAmount;
        /** 活动优惠 */
        private BigDecimal promotionAmount;
        /** 应付金额 */
        private BigDecimal payAmount;

        public BigDecimal getTotalAmount() {
            return totalAmount;
        }

        public void setTotalAmount(BigDecimal totalAmount) {
            this.totalAmount = totalAmount;
        }

        public BigDecimal getFreightAmount() {
            return freightAmount;
        }

        public void setFreightAmount(BigDecimal freightAmount) {
            this.freightAmount = freightAmount;
        }

        public BigDecimal getPromotionAmount() {
            return promotionAmount;
        }

        public void setPromotionAmount(BigDecimal promotionAmount) {
            this.promotionAmount = promotionAmount;
        }

        public BigDecimal getPayAmount() {
            return payAmount;
        }

        public void setPayAmount(BigDecimal payAmount) {
            this.payAmount = payAmount;
        }
    }
}
