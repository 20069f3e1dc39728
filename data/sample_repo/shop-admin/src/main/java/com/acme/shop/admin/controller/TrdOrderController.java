package com.acme.shop.admin.controller;

import com.acme.shop.admin.dto.TrdOrderDeliveryParam;
import com.acme.shop.admin.service.TrdOrderService;
import com.acme.shop.common.api.CommonPage;
import com.acme.shop.common.api.CommonResult;
import com.acme.shop.model.TrdOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

import java.util.List;

/**
 * 订单管理Controller / back-office order endpoints.
 */
@Controller
@RequestMapping("/order")
public class TrdOrderController {
    @Autowired
    private TrdOrderService orderService;

    @RequestMapping(value = "/list", method = RequestMethod.GET)
    @ResponseBody
    public CommonResult<CommonPage<TrdOrder>> list(@RequestParam(required = false) String orderSn,
                                                   @RequestParam(required = false) Integer status,
                                                   @RequestParam(value = "pageSize", defaultValue = "5") Integer pageSize,
                                                   @RequestParam(value = "pageNum", defaultValue = "1") Integer pageNum) {
        List<TrdOrder> orderList = orderService.list(orderSn, status, pageSize, pageNum);
        return CommonResult.success(CommonPage.restPage(orderList));
    }

    /**
     * 批量发货
     */
    @RequestMapping(value = "/update/delivery", method = RequestMethod.POST)
    @ResponseBody
    public CommonResult<Integer> delivery(@RequestBody List<TrdOrderDeliveryParam> deliveryParamList) {
        int count = orderService.delivery(deliveryParamList);
        if (count > 0) {
            return CommonResult.success(count);
        }
        return CommonResult.failed();
    }

    /**
     * 批量关闭订单
     */
    @RequestMapping(value = "/update/close", method = RequestMethod.POST)
    @ResponseBody
    public CommonResult<Integer> close(@RequestParam("ids") List<Long> ids, @RequestParam String note) {
        int count = orderService.close(ids, note);
        if (count > 0) {
            return CommonResult.success(count);
        }
        return CommonResult.failed();
    }

    /**
     * 批量删除订单
     */
    @RequestMapping(value = "/delete", method = RequestMethod.POST)
    @ResponseBody
    public CommonResult<Integer> delete(@RequestParam("ids") List<Long> ids) {
        int count = orderService.delete(ids);
        if (count > 0) {
            return CommonResult.success(count);
        }
        return CommonResult.failed();
    }

    /**
     * 获取订单详情：订单信息、商品信息、操作记录
     */
    @RequestMapping(value = "/{id}", method = RequestMethod.GET)
    @ResponseBody
    public CommonResult<TrdOrder> detail(@PathVariable Long id) {
        TrdOrder order = orderService.detail(id);
        return CommonResult.success(order);
    }

    /**
     * 备注订单
     */
    @RequestMapping(value = "/update/note", method = RequestMethod.POST)
    @ResponseBody
    public CommonResult<Integer> updateNote(@RequestParam("id") Long id,
                                            @RequestParam("note") String note,
                                            @RequestParam("status") Integer status) {
        int count = orderService.updateNote(id, note, status);
        if (count > 0) {
            return CommonResult.success(count);
        }
        return CommonResult.failed();
    }
}
