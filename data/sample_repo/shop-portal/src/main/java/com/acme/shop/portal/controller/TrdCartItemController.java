package com.acme.shop.portal.controller;

import com.acme.shop.common.api.CommonResult;
import com.acme.shop.model.TrdCartItem;
import com.acme.shop.portal.domain.CartPromotionItem;
import com.acme.shop.portal.service.MbrMemberService;
import com.acme.shop.portal.service.TrdCartItemService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/**
 * 购物车管理Controller / shopping cart endpoints.
 */
@RestController
@RequestMapping("/cart")
public class TrdCartItemController {
    @Autowired
    private TrdCartItemService cartItemService;
    @Autowired
    private MbrMemberService memberService;

    @PostMapping("/add")
    public CommonResult<Integer> add(@RequestBody TrdCartItem cartItem) {
        int count = cartItemService.add(cartItem);
        if (count > 0) {
            return CommonResult.success(count);
        }
        return CommonResult.failed();
    }

    @GetMapping("/list")
    public CommonResult<List<TrdCartItem>> list() {
        List<TrdCartItem> cartItemList = cartItemService.list(memberService.getCurrentMember().getId());
        return CommonResult.success(cartItemList);
    }

    @GetMapping("/list/promotion")
    public CommonResult<List<CartPromotionItem>> listPromotion(@RequestParam(required = false) List<Long> cartIds) {
        List<CartPromotionItem> cartPromotionItemList = cartItemService.listPromotion(memberService.getCurrentMember().getId(), cartIds);
        return CommonResult.success(cartPromotionItemList);
    }

    @GetMapping("/update/quantity")
    public CommonResult<Integer> updateQuantity(@RequestParam Long id, @RequestParam Integer quantity) {
        int count = cartItemService.updateQuantity(id, memberService.getCurrentMember().getId(), quantity);
        if (count > 0) {
            return CommonResult.success(count);
        }
        return CommonResult.failed();
    }

    @PostMapping("/delete")
    public CommonResult<Integer> delete(@RequestParam("ids") List<Long> ids) {
        int count = cartItemService.delete(memberService.getCurrentMember().getId(), ids);
        if (count > 0) {
            return CommonResult.success(count);
        }
        return CommonResult.failed();
    }
}
