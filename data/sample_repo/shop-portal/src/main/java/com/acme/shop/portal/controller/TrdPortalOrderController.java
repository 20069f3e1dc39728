package com.acme.shop.portal.controller;

import com.acme.shop.common.api.CommonPage;
import com.acme.shop.common.api.CommonResult;
import com.acme.shop.model.TrdOrder;
import com.acme.shop.portal.domain.ConfirmOrderResult;
import com.acme.shop.portal.domain.OrderParam;
import com.acme.shop.portal.service.TrdPortalOrderService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

import java.util.List;
import java.util.Map;

/**
 * 订单管理Controller / customer order endpoints.
 */
@Controller
@RequestMapping("/order")
public class TrdPortalOrderController {
    @Autowired
    private TrdPortalOrderService portalOrderService;

    /**
     * 根据购物车信息生成确认单
     */
    @RequestMapping(value = "/generateConfirmOrder", method = RequestMethod.POST)
    @ResponseBody
    public CommonResult<ConfirmOrderResult> generateConfirmOrder(@RequestBody List<Long> cartIds) {
        ConfirmOrderResult confirmOrderResult = portalOrderService.generateConfirmOrder(cartIds);
        return CommonResult.success(confirmOrderResult);
    }

    /**
     * 根据购物车信息生成订单
     */
    @RequestMapping(value = "/generateOrder", method = RequestMethod.POST)
    @ResponseBody
    public CommonResult<Map<String, Object>> generateOrder(@RequestBody OrderParam orderParam) {
        Map<String, Object> result = portalOrderService.generateOrder(orderParam);
        return CommonResult.success(result, "下单成功");
    }

    /**
     * 用户支付成功的回调
     */
    @RequestMapping(value = "/paySuccess", method = RequestMethod.POST)
    @ResponseBody
    public CommonResult<Integer> paySuccess(@RequestParam Long orderId, @RequestParam Integer payType) {
        Integer count = portalOrderService.paySuccess(orderId, payType);
        return CommonResult.success(count, "支付成功");
    }

    /**
     * 自动取消超时订单（手动触发）
     */
    @RequestMapping(value = "/cancelTimeOutOrder", method = RequestMethod.POST)
    @ResponseBody
    public CommonResult<Integer> cancelTimeOutOrder() {
        return CommonResult.success(portalOrderService.cancelTimeOutOrder());
    }

    /**
     * 用户取消订单
     */
    @RequestMapping(value = "/cancelUserOrder", method = RequestMethod.POST)
    @ResponseBody
    public CommonResult<Object> cancelUserOrder(Long orderId) {
        portalOrderService.cancelUserOrder(orderId);
        return CommonResult.success(null);
    }

    /**
     * 用户确认收货
     */
    @RequestMapping(value = "/confirmReceiveOrder", method = RequestMethod.POST)
    @ResponseBody
    public CommonResult<Object> confirmReceiveOrder(Long orderId) {
        portalOrderService.confirmReceiveOrder(orderId);
        return CommonResult.success(null);
    }

    /**
     * 用户删除订单
     */
    @RequestMapping(value = "/deleteOrder", method = RequestMethod.POST)
    @ResponseBody
    public CommonResult<Object> deleteOrder(Long orderId) {
        portalOrderService.deleteOrder(orderId);
        return CommonResult.success(null);
    }

    /**
     * 按状态分页获取用户订单列表
     * status 订单状态：-1->全部；0->待付款；1->待发货；2->已发货；3->已完成；4->已关闭
     */
    @RequestMapping(value = "/list", method = RequestMethod.GET)
    @ResponseBody
    public CommonResult<CommonPage<TrdOrder>> list(@RequestParam Integer status,
                                                   @RequestParam(required = false, defaultValue = "1") Integer pageNum,
                                                   @RequestParam(required = false, defaultValue = "5") Integer pageSize) {
        CommonPage<TrdOrder> orderPage = portalOrderService.list(status, pageNum, pageSize);
        return CommonResult.success(orderPage);
    }

    /**
     * 根据ID获取订单详情
     */
    @RequestMapping(value = "/detail/{orderId}", method = RequestMethod.GET)
    @ResponseBody
    public CommonResult<Map<String, Object>> detail(@PathVariable Long orderId) {
        Map<String, Object> orderDetail = portalOrderService.detail(orderId);
        return CommonResult.success(orderDetail);
    }
}
