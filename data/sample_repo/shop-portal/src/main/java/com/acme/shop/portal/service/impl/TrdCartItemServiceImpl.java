package com.acme.shop.portal.service.impl;

import com.acme.shop.common.exception.Asserts;
import com.acme.shop.mapper.PdtSkuStockMapper;
import com.acme.shop.mapper.TrdCartItemMapper;
import com.acme.shop.model.MbrMember;
import com.acme.shop.model.PdtSkuStock;
import com.acme.shop.model.TrdCartItem;
import com.acme.shop.model.TrdCartItemExample;
import com.acme.shop.portal.domain.CartPromotionItem;
import com.acme.shop.portal.service.MbrMemberService;
import com.acme.shop.portal.service.TrdCartItemService;
import org.springframework.beans.BeanUtils;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;
import org.springframework.util.CollectionUtils;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

/**
 * 购物车管理Service实现类
 */
@Service
public class TrdCartItemServiceImpl implements TrdCartItemService {
    @Autowired
    private TrdCartItemMapper cartItemMapper;
    @Autowired
    private PdtSkuStockMapper skuStockMapper;
    @Autowired
    private MbrMemberService memberService;

    @Override
    public int add(TrdCartItem cartItem) {
        int count;
        MbrMember currentMember = memberService.getCurrentMember();
        cartItem.setMemberId(currentMember.getId());
        cartItem.setMemberNickname(currentMember.getNickname());
        cartItem.setDeleteStatus(0);
        if (cartItem.getQuantity() == null || cartItem.getQuantity() <= 0) {
            Asserts.fail("购买数量必须大于0");
        }
        TrdCartItem existCartItem = getCartItem(cartItem);
        if (existCartItem == null) {
            cartItem.setCreateDate(new Date());
            count = cartItemMapper.insert(cartItem);
        } else {
            // 已存在相同sku时合并数量 / merge quantity into the existing line
            cartItem.setModifyDate(new Date());
            existCartItem.setQuantity(existCartItem.getQuantity() + cartItem.getQuantity());
            count = cartItemMapper.updateByPrimaryKey(existCartItem);
        }
        return count;
    }

    /**
     * 根据会员id,商品id和规格获取购物车中商品
     */
    private TrdCartItem getCartItem(TrdCartItem cartItem) {
        TrdCartItemExample example = new TrdCartItemExample();
        TrdCartItemExample.Criteria criteria = example.createCriteria().andMemberIdEqualTo(cartItem.getMemberId())
                .andProductIdEqualTo(cartItem.getProductId()).andDeleteStatusEqualTo(0);
        if (cartItem.getProductSkuId() != null) {
            criteria.andProductSkuIdEqualTo(cartItem.getProductSkuId());
        }
        List<TrdCartItem> cartItemList = cartItemMapper.selectByExample(example);
        if (!CollectionUtils.isEmpty(cartItemList)) {
            return cartItemList.get(0);
        }
        return null;
    }

    @Override
    public List<TrdCartItem> list(Long memberId) {
        TrdCartItemExample example = new TrdCartItemExample();
        example.createCriteria().andDeleteStatusEqualTo(0).andMemberIdEqualTo(memberId);
        return cartItemMapper.selectByExample(example);
    }

    @Override
    public List<CartPromotionItem> listPromotion(Long memberId, List<Long> cartIds) {
        List<TrdCartItem> cartItemList = list(memberId);
        List<CartPromotionItem> cartPromotionItemList = new ArrayList<>();
        for (TrdCartItem cartItem : cartItemList) {
            if (!CollectionUtils.isEmpty(cartIds) && !cartIds.contains(cartItem.getId())) {
                continue;
            }
            CartPromotionItem promotionItem = new CartPromotionItem();
            BeanUtils.copyProperties(cartItem, promotionItem);
            PdtSkuStock skuStock = skuStockMapper.selectByPrimaryKey(cartItem.getProductSkuId());
            if (skuStock == null) {
                Asserts.fail("商品规格不存在");
            }
            // 真实库存 = 库存 - 锁定库存 / real stock excludes what other unpaid orders have locked
            promotionItem.setRealStock(skuStock.getStock() - skuStock.getLockStock());
            // sku 当前价低于加购价时，差价作为促销优惠
            BigDecimal reduceAmount = cartItem.getPrice().subtract(skuStock.getPrice());
            if (reduceAmount.compareTo(BigDecimal.ZERO) > 0) {
                promotionItem.setPromotionMessage("单品降价");
                promotionItem.setReduceAmount(reduceAmount);
            } else {
                promotionItem.setPromotionMessage("无优惠");
                promotionItem.setReduceAmount(BigDecimal.ZERO);
            }
            promotionItem.setIntegration(0);
            cartPromotionItemList.add(promotionItem);
        }
        return cartPromotionItemList;
    }

    @Override
    public int updateQuantity(Long id, Long memberId, Integer quantity) {
        TrdCartItem cartItem = new TrdCartItem();
        cartItem.setQuantity(quantity);
        TrdCartItemExample example = new TrdCartItemExample();
        example.createCriteria().andDeleteStatusEqualTo(0)
                .andIdEqualTo(id).andMemberIdEqualTo(memberId);
        return cartItemMapper.updateByExampleSelective(cartItem, example);
    }

    @Override
    public int delete(Long memberId, List<Long> ids) {
        // 逻辑删除 / soft delete
        TrdCartItem record = new TrdCartItem();
        record.setDeleteStatus(1);
        TrdCartItemExample example = new TrdCartItemExample();
        example.createCriteria().andIdIn(ids).andMemberIdEqualTo(memberId);
        return cartItemMapper.updateByExampleSelective(record, example);
    }
}
