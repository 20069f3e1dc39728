package com.acme.shop.portal.service;

import com.acme.shop.model.MbrMember;
import com.acme.shop.model.MbrMemberReceiveAddress;

import java.util.List;

/**
 * 会员管理Service / member, address and integration (points) operations.
 */
public interface MbrMemberService {
    /**
     * 获取当前登录会员
     */
    MbrMember getCurrentMember();

    /**
     * 根据会员id获取会员
     */
    MbrMember getById(Long id);

    /**
     * 根据会员id修改会员积分
     */
    void updateIntegration(Long id, Integer integration);

    /**
     * 获取会员收货地址列表
     */
    List<MbrMemberReceiveAddress> listAddress(Long memberId);

    /**
     * 获取收货地址详情
     */
    MbrMemberReceiveAddress getAddress(Long id);
}
