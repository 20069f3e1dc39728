package com.acme.shop.portal.domain;

import com.acme.shop.model.TrdCartItem;

import java.math.BigDecimal;

/**
 * 购物车中促销信息的封装 / a cart line enriched with promotion and stock information.
 */
public class CartPromotionItem extends TrdCartItem {
    /** 促销活动信息 */
    private String promotionMessage;
    /** 促销活动减去的金额，针对每个商品 */
    private BigDecimal reduceAmount;
    /** 剩余库存-锁定库存 (real stock = stock - lockStock) */
    private Integer realStock;
    /** 购买商品赠送积分 */
    private Integer integration;

    public String getPromotionMessage() {
        return promotionMessage;
    }

    public void setPromotionMessage(String promotionMessage) {
        this.promotionMessage = promotionMessage;
    }

    public BigDecimal getReduceAmount() {
        return reduceAmount;
    }

    public void setReduceAmount(BigDecimal reduceAmount) {
        this.reduceAmount = reduceAmount;
    }

    public Integer getRealStock() {
        return realStock;
    }

    public void setRealStock(Integer realStock) {
        this.realStock = realStock;
    }

    public Integer getIntegration() {
        return integration;
    }

    public void setIntegration(Integer integration) {
        this.integration = integration;
    }
}
