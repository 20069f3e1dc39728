package com.acme.shop.portal.dao;

import com.acme.shop.model.MktCoupon;
import com.acme.shop.model.TrdOrder;
import com.acme.shop.model.TrdOrderItem;
import org.apache.ibatis.annotations.Param;

import java.util.List;

/**
 * 前台订单自定义Dao / hand-written SQL for order placement, stock locking and cancellation.
 */
public interface PortalOrderDao {
    /**
     * 批量插入订单商品
     */
    int insertOrderItemList(@Param("list") List<TrdOrderItem> orderItemList);

    /**
     * 获取订单的商品列表
     */
    List<TrdOrderItem> listOrderItems(@Param("orderId") Long orderId);

    /**
     * 获取超时订单 / unpaid orders created more than `minute` minutes ago
     */
    List<TrdOrder> getTimeOutOrders(@Param("minute") Integer minute);

    /**
     * 批量修改订单状态
     */
    int updateOrderStatus(@Param("ids") List<Long> ids, @Param("status") Integer status);

    /**
     * 锁定下单商品的库存
     */
    int lockStockBySkuId(@Param("skuId") Long skuId, @Param("quantity") Integer quantity);

    /**
     * 扣减真实库存（支付成功后）
     */
    int reduceSkuStock(@Param("skuId") Long skuId, @Param("quantity") Integer quantity);

    /**
     * 解除取消订单的库存锁定
     */
    int releaseStockLock(@Param("skuId") Long skuId, @Param("quantity") Integer quantity);

    /**
     * 批量解除订单商品的库存锁定
     */
    int releaseSkuStockLock(@Param("itemList") List<TrdOrderItem> orderItemList);

    /**
     * 获取会员可用的优惠券（未使用且在有效期内）
     */
    MktCoupon getUsableCoupon(@Param("memberId") Long memberId, @Param("couponId") Long couponId);

    /**
     * 获取会员所有可用的优惠券
     */
    List<MktCoupon> listUsableCoupons(@Param("memberId") Long memberId);

    /**
     * 修改优惠券使用状态：0->未使用；1->已使用
     */
    int updateCouponStatus(@Param("couponId") Long couponId, @Param("memberId") Long memberId, @Param("useStatus") Integer useStatus);
}
