package com.acme.shop.admin.dao;

import com.acme.shop.admin.dto.TrdOrderDeliveryParam;
import com.acme.shop.model.TrdOrder;
import org.apache.ibatis.annotations.Param;

import java.util.List;

/**
 * 订单查询自定义Dao
 */
public interface TrdOrderDao {
    /**
     * 条件查询订单
     */
    List<TrdOrder> getList(@Param("orderSn") String orderSn, @Param("status") Integer status);

    /**
     * 批量发货
     */
    int delivery(@Param("list") List<TrdOrderDeliveryParam> deliveryParamList);
}
