package com.acme.shop.admin.service;

import com.acme.shop.admin.dto.TrdOrderDeliveryParam;
import com.acme.shop.model.TrdOrder;
import org.springframework.transaction.annotation.Transactional;

import java.util.List;

/**
 * 订单管理Service / back-office order management.
 */
public interface TrdOrderService {
    /**
     * 订单查询
     */
    List<TrdOrder> list(String orderSn, Integer status, Integer pageSize, Integer pageNum);

    /**
     * 批量发货
     */
    @Transactional
    int delivery(List<TrdOrderDeliveryParam> deliveryParamList);

    /**
     * 批量关闭订单
     */
    @Transactional
    int close(List<Long> ids, String note);

    /**
     * 批量删除订单
     */
    int delete(List<Long> ids);

    /**
     * 获取指定订单详情
     */
    TrdOrder detail(Long id);

    /**
     * 修改订单备注
     */
    @Transactional
    int updateNote(Long id, String note, Integer status);
}
