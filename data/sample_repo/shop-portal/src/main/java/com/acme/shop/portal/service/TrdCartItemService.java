package com.acme.shop.portal.service;

import com.acme.shop.model.TrdCartItem;
import com.acme.shop.portal.domain.CartPromotionItem;

import java.util.List;

/**
 * 购物车管理Service / shopping cart operations.
 */
public interface TrdCartItemService {
    /**
     * 添加商品到购物车（已存在则合并数量）
     */
    int add(TrdCartItem cartItem);

    /**
     * 查询会员的购物车
     */
    List<TrdCartItem> list(Long memberId);

    /**
     * 获取包含促销活动信息的购物车列表
     */
    List<CartPromotionItem> listPromotion(Long memberId, List<Long> cartIds);

    /**
     * 修改某个购物车商品的数量
     */
    int updateQuantity(Long id, Long memberId, Integer quantity);

    /**
     * 批量删除购物车中的商品
     */
    int delete(Long memberId, List<Long> ids);
}
