package com.acme.shop.portal.service.impl;

import com.acme.shop.common.api.CommonPage;
import com.acme.shop.common.exception.Asserts;
import com.acme.shop.mapper.TrdOrderMapper;
import com.acme.shop.mapper.TrdOrderSettingMapper;
import com.acme.shop.model.MbrMember;
import com.acme.shop.model.MbrMemberReceiveAddress;
import com.acme.shop.model.MktCoupon;
import com.acme.shop.model.TrdOrder;
import com.acme.shop.model.TrdOrderExample;
import com.acme.shop.model.TrdOrderItem;
import com.acme.shop.model.TrdOrderSetting;
import com.acme.shop.portal.component.CancelOrderSender;
import com.acme.shop.portal.dao.PortalOrderDao;
import com.acme.shop.portal.domain.CartPromotionItem;
import com.acme.shop.portal.domain.ConfirmOrderResult;
import com.acme.shop.portal.domain.OrderParam;
import com.acme.shop.portal.service.MbrMemberService;
import com.acme.shop.portal.service.TrdCartItemService;
import com.acme.shop.portal.service.TrdPortalOrderService;
import com.github.pagehelper.PageHelper;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.CollectionUtils;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.SimpleDateFormat;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * 前台订单管理Service实现类
 * Order placement, payment callback, cancellation (manual / delayed message / timeout job),
 * receipt confirmation and soft deletion.
 */
@Service
public class TrdPortalOrderServiceImpl implements TrdPortalOrderService {
    @Autowired
    private MbrMemberService memberService;
    @Autowired
    private TrdCartItemService cartItemService;
    @Autowired
    private TrdOrderMapper orderMapper;
    @Autowired
    private TrdOrderSettingMapper orderSettingMapper;
    @Autowired
    private PortalOrderDao portalOrderDao;
    @Autowired
    private CancelOrderSender cancelOrderSender;
    @Autowired
    private StringRedisTemplate stringRedisTemplate;
    @Value("${redis.key.orderId}")
    private String redisKeyOrderId;
    @Value("${redis.database}")
    private String redisDatabase;
    /** 每一元需要抵扣的积分数量 / how many points make one yuan */
    @Value("${integration.use-unit}")
    private Integer useUnit;
    /** 每笔订单最高抵用百分比 */
    @Value("${integration.max-percent-per-order}")
    private Integer maxPercentPerOrder;
    /** 是否可以和优惠券同用；0->不可以；1->可以 */
    @Value("${integration.coupon-status}")
    private Integer integrationCouponStatus;

    @Override
    public ConfirmOrderResult generateConfirmOrder(List<Long> cartIds) {
        ConfirmOrderResult result = new ConfirmOrderResult();
        // 获取购物车信息
        MbrMember currentMember = memberService.getCurrentMember();
        List<CartPromotionItem> cartPromotionItemList = cartItemService.listPromotion(currentMember.getId(), cartIds);
        result.setCartPromotionItemList(cartPromotionItemList);
        // 获取用户收货地址列表
        result.setMemberReceiveAddressList(memberService.listAddress(currentMember.getId()));
        // 获取用户可用优惠券列表
        result.setCouponList(portalOrderDao.listUsableCoupons(currentMember.getId()));
        // 获取积分使用规则 / integration rules
        result.setUseUnit(useUnit);
        result.setMaxPercentPerOrder(maxPercentPerOrder);
        result.setMemberIntegration(currentMember.getIntegration());
        // 计算总金额、活动优惠、应付金额
        result.setCalcAmount(calcCartAmount(cartPromotionItemList));
        return result;
    }

    @Override
    @Transactional
    public Map<String, Object> generateOrder(OrderParam orderParam) {
        List<TrdOrderItem> orderItemList = new ArrayList<>();
        MbrMember currentMember = memberService.getCurrentMember();
        // step 1: 校验收货地址 / check the receive address
        if (orderParam.getMemberReceiveAddressId() == null) {
            Asserts.fail("请选择收货地址！");
        }
        MbrMemberReceiveAddress address = memberService.getAddress(orderParam.getMemberReceiveAddressId());
        if (address == null || !currentMember.getId().equals(address.getMemberId())) {
            Asserts.fail("收货地址不存在！");
        }
        // 获取购物车及优惠信息 / load cart lines with promotion info
        List<CartPromotionItem> cartPromotionItemList = cartItemService.listPromotion(currentMember.getId(), orderParam.getCartIds());
        if (CollectionUtils.isEmpty(cartPromotionItemList)) {
            Asserts.fail("购物车中没有可下单的商品");
        }
        for (CartPromotionItem cartPromotionItem : cartPromotionItemList) {
            // 生成下单商品信息
            TrdOrderItem orderItem = new TrdOrderItem();
            orderItem.setProductId(cartPromotionItem.getProductId());
            orderItem.setProductName(cartPromotionItem.getProductName());
            orderItem.setProductAttr(cartPromotionItem.getProductAttr());
            orderItem.setProductPrice(cartPromotionItem.getPrice());
            orderItem.setProductQuantity(cartPromotionItem.getQuantity());
            orderItem.setProductSkuId(cartPromotionItem.getProductSkuId());
            orderItem.setProductSkuCode(cartPromotionItem.getProductSkuCode());
            orderItem.setPromotionAmount(cartPromotionItem.getReduceAmount());
            orderItem.setPromotionName(cartPromotionItem.getPromotionMessage());
            orderItem.setGiftIntegration(cartPromotionItem.getIntegration());
            orderItemList.add(orderItem);
        }
        // step 2: check stock / 判断购物车中商品是否都有库存
        if (!hasStock(cartPromotionItemList)) {
            Asserts.fail("库存不足，无法下单");
        }
        // step 3: 判断是否使用了优惠券 / coupon
        if (orderParam.getCouponId() == null) {
            // 不用优惠券
            for (TrdOrderItem orderItem : orderItemList) {
                orderItem.setCouponAmount(new BigDecimal(0));
            }
        } else {
            // 使用优惠券
            MktCoupon coupon = portalOrderDao.getUsableCoupon(currentMember.getId(), orderParam.getCouponId());
            if (coupon == null) {
                Asserts.fail("该优惠券不可用");
            }
            BigDecimal totalAmount = calcTotalAmount(orderItemList);
            if (coupon.getMinPoint() != null && totalAmount.compareTo(coupon.getMinPoint()) < 0) {
                Asserts.fail("未达到优惠券使用门槛");
            }
            // 对下单商品的优惠券进行处理
            handleCouponAmount(orderItemList, coupon);
        }
        // step 4: 判断是否使用积分 / points
        if (orderParam.getUseIntegration() == null || orderParam.getUseIntegration().equals(0)) {
            // 不使用积分
            for (TrdOrderItem orderItem : orderItemList) {
                orderItem.setIntegrationAmount(new BigDecimal(0));
            }
        } else {
            // 使用积分
            BigDecimal totalAmount = calcTotalAmount(orderItemList);
            BigDecimal integrationAmount = getUseIntegrationAmount(orderParam.getUseIntegration(), totalAmount, currentMember, orderParam.getCouponId() != null);
            // 可用积分为0时不可用
            if (integrationAmount.compareTo(new BigDecimal(0)) == 0) {
                Asserts.fail("积分不可用");
            } else {
                // 可用情况下分摊到可用商品中 / allocate the points discount across items
                for (TrdOrderItem orderItem : orderItemList) {
                    BigDecimal perAmount = orderItem.getProductPrice().divide(totalAmount, 3, RoundingMode.HALF_EVEN).multiply(integrationAmount);
                    orderItem.setIntegrationAmount(perAmount);
                }
            }
        }
        // 计算order_item的实付金额
        handleRealAmount(orderItemList);
        // step 5: 进行库存锁定 / lock stock
        lockStock(cartPromotionItemList);
        // step 6: 根据商品合计、运费、活动优惠、优惠券、积分计算应付金额
        TrdOrder order = new TrdOrder();
        order.setDiscountAmount(new BigDecimal(0));
        order.setTotalAmount(calcTotalAmount(orderItemList));
        order.setFreightAmount(new BigDecimal(0));
        order.setPromotionAmount(calcPromotionAmount(orderItemList));
        order.setPromotionInfo(getOrderPromotionInfo(orderItemList));
        if (orderParam.getCouponId() == null) {
            order.setCouponAmount(new BigDecimal(0));
        } else {
            order.setCouponId(orderParam.getCouponId());
            order.setCouponAmount(calcCouponAmount(orderItemList));
        }
        if (orderParam.getUseIntegration() == null) {
            order.setIntegration(0);
            order.setIntegrationAmount(new BigDecimal(0));
        } else {
            order.setIntegration(orderParam.getUseIntegration());
            order.setIntegrationAmount(calcIntegrationAmount(orderItemList));
        }
        order.setPayAmount(calcPayAmount(order));
        // 转化为订单信息并插入数据库
        order.setMemberId(currentMember.getId());
        order.setCreateTime(new Date());
        order.setMemberUsername(currentMember.getUsername());
        // 支付方式：0->未支付；1->支付宝；2->微信
        order.setPayType(orderParam.getPayType());
        // 订单来源：0->PC订单；1->app订单
        order.setSourceType(1);
        // 订单状态：0->待付款；1->待发货；2->已发货；3->已完成；4->已关闭；5->无效订单
        order.setStatus(0);
        // 订单类型：0->正常订单；1->秒杀订单
        order.setOrderType(0);
        // 收货人信息：姓名、电话、邮编、地址
        order.setReceiverName(address.getName());
        order.setReceiverPhone(address.getPhoneNumber());
        order.setReceiverProvince(address.getProvince());
        order.setReceiverCity(address.getCity());
        order.setReceiverRegion(address.getRegion());
        order.setReceiverDetailAddress(address.getDetailAddress());
        // 0->未确认；1->已确认
        order.setConfirmStatus(0);
        order.setDeleteStatus(0);
        order.setUseIntegration(orderParam.getUseIntegration());
        // 设置自动收货天数
        TrdOrderSetting orderSetting = orderSettingMapper.selectByPrimaryKey(1L);
        order.setAutoConfirmDay(orderSetting.getConfirmOvertime());
        // 生成订单号
        order.setOrderSn(generateOrderSn(order));
        // 插入order表和order_item表
        orderMapper.insert(order);
        for (TrdOrderItem orderItem : orderItemList) {
            orderItem.setOrderId(order.getId());
            orderItem.setOrderSn(order.getOrderSn());
        }
        portalOrderDao.insertOrderItemList(orderItemList);
        // 如使用优惠券更新优惠券使用状态
        if (orderParam.getCouponId() != null) {
            updateCouponStatus(orderParam.getCouponId(), currentMember.getId(), 1);
        }
        // 如使用积分需要扣除积分
        if (orderParam.getUseIntegration() != null) {
            memberService.updateIntegration(currentMember.getId(), currentMember.getIntegration() - orderParam.getUseIntegration());
        }
        // 删除购物车中的下单商品
        deleteCartItemList(cartPromotionItemList, currentMember);
        // 发送延迟消息取消订单
        sendDelayMessageCancelOrder(order.getId());
        Map<String, Object> result = new HashMap<>();
        result.put("order", order);
        result.put("orderItemList", orderItemList);
        return result;
    }

    @Override
    public Integer paySuccess(Long orderId, Integer payType) {
        // 修改订单支付状态 / mark the order as paid
        TrdOrder order = new TrdOrder();
        order.setStatus(1);
        order.setPaymentTime(new Date());
        order.setPayType(payType);
        TrdOrderExample example = new TrdOrderExample();
        example.createCriteria().andIdEqualTo(orderId).andDeleteStatusEqualTo(0).andStatusEqualTo(0);
        // 只修改未付款状态的订单
        int updateCount = orderMapper.updateByExampleSelective(order, example);
        if (updateCount == 0) {
            Asserts.fail("订单不存在或订单状态不是未支付！");
        }
        // 恢复所有下单商品的锁定库存，扣减真实库存
        List<TrdOrderItem> orderItemList = portalOrderDao.listOrderItems(orderId);
        int totalCount = 0;
        for (TrdOrderItem orderItem : orderItemList) {
            int count = portalOrderDao.reduceSkuStock(orderItem.getProductSkuId(), orderItem.getProductQuantity());
            if (count == 0) {
                Asserts.fail("库存不足，无法扣减！");
            }
            totalCount += count;
        }
        return totalCount;
    }

    @Override
    @Transactional
    public Integer cancelTimeOutOrder() {
        TrdOrderSetting orderSetting = orderSettingMapper.selectByPrimaryKey(1L);
        // 查询超时、未支付的订单 / unpaid orders older than normalOrderOvertime minutes
        List<TrdOrder> timeOutOrders = portalOrderDao.getTimeOutOrders(orderSetting.getNormalOrderOvertime());
        if (CollectionUtils.isEmpty(timeOutOrders)) {
            return 0;
        }
        // 修改订单状态为交易取消
        List<Long> ids = timeOutOrders.stream().map(TrdOrder::getId).collect(Collectors.toList());
        portalOrderDao.updateOrderStatus(ids, 4);
        for (TrdOrder timeOutOrder : timeOutOrders) {
            // 解除订单商品库存锁定
            List<TrdOrderItem> orderItemList = portalOrderDao.listOrderItems(timeOutOrder.getId());
            if (!CollectionUtils.isEmpty(orderItemList)) {
                portalOrderDao.releaseSkuStockLock(orderItemList);
            }
            // 修改优惠券使用状态
            updateCouponStatus(timeOutOrder.getCouponId(), timeOutOrder.getMemberId(), 0);
            // 返还使用积分
            if (timeOutOrder.getUseIntegration() != null) {
                MbrMember member = memberService.getById(timeOutOrder.getMemberId());
                memberService.updateIntegration(timeOutOrder.getMemberId(), member.getIntegration() + timeOutOrder.getUseIntegration());
            }
        }
        return timeOutOrders.size();
    }

    @Override
    @Transactional
    public void cancelOrder(Long orderId) {
        // 查询未付款的取消订单 / only unpaid, not deleted orders can be cancelled
        TrdOrderExample example = new TrdOrderExample();
        example.createCriteria().andIdEqualTo(orderId).andStatusEqualTo(0).andDeleteStatusEqualTo(0);
        List<TrdOrder> cancelOrderList = orderMapper.selectByExample(example);
        if (CollectionUtils.isEmpty(cancelOrderList)) {
            return;
        }
        TrdOrder cancelOrder = cancelOrderList.get(0);
        // 修改订单状态为取消
        cancelOrder.setStatus(4);
        orderMapper.updateByPrimaryKeySelective(cancelOrder);
        // 解除订单商品库存锁定
        List<TrdOrderItem> orderItemList = portalOrderDao.listOrderItems(orderId);
        for (TrdOrderItem orderItem : orderItemList) {
            portalOrderDao.releaseStockLock(orderItem.getProductSkuId(), orderItem.getProductQuantity());
        }
        // 修改优惠券使用状态
        updateCouponStatus(cancelOrder.getCouponId(), cancelOrder.getMemberId(), 0);
        // 返还使用积分
        if (cancelOrder.getUseIntegration() != null) {
            MbrMember member = memberService.getById(cancelOrder.getMemberId());
            memberService.updateIntegration(cancelOrder.getMemberId(), member.getIntegration() + cancelOrder.getUseIntegration());
        }
    }

    @Override
    public void sendDelayMessageCancelOrder(Long orderId) {
        // 获取订单超时时间 / overtime in minutes from trd_order_setting
        TrdOrderSetting orderSetting = orderSettingMapper.selectByPrimaryKey(1L);
        long delayTimes = orderSetting.getNormalOrderOvertime() * 60 * 1000L;
        // 发送延迟消息
        cancelOrderSender.sendMessage(orderId, delayTimes);
    }

    @Override
    public void confirmReceiveOrder(Long orderId) {
        MbrMember member = memberService.getCurrentMember();
        TrdOrder order = orderMapper.selectByPrimaryKey(orderId);
        if (!member.getId().equals(order.getMemberId())) {
            Asserts.fail("不能确认他人订单！");
        }
        if (order.getStatus() != 2) {
            Asserts.fail("该订单还未发货！");
        }
        order.setStatus(3);
        order.setConfirmStatus(1);
        order.setReceiveTime(new Date());
        orderMapper.updateByPrimaryKey(order);
    }

    @Override
    public CommonPage<TrdOrder> list(Integer status, Integer pageNum, Integer pageSize) {
        if (status == -1) {
            status = null;
        }
        MbrMember member = memberService.getCurrentMember();
        PageHelper.startPage(pageNum, pageSize);
        TrdOrderExample example = new TrdOrderExample();
        TrdOrderExample.Criteria criteria = example.createCriteria();
        criteria.andDeleteStatusEqualTo(0).andMemberIdEqualTo(member.getId());
        if (status != null) {
            criteria.andStatusEqualTo(status);
        }
        example.setOrderByClause("create_time desc");
        List<TrdOrder> orderList = orderMapper.selectByExample(example);
        return CommonPage.restPage(orderList);
    }

    @Override
    public Map<String, Object> detail(Long orderId) {
        // 根据订单ID查询订单及商品明细
        TrdOrder order = orderMapper.selectByPrimaryKey(orderId);
        List<TrdOrderItem> orderItemList = portalOrderDao.listOrderItems(orderId);
        Map<String, Object> result = new HashMap<>();
        result.put("order", order);
        result.put("orderItemList", orderItemList);
        return result;
    }

    @Override
    public void cancelUserOrder(Long orderId) {
        MbrMember member = memberService.getCurrentMember();
        TrdOrder order = orderMapper.selectByPrimaryKey(orderId);
        if (order == null || !member.getId().equals(order.getMemberId())) {
            Asserts.fail("不能取消他人订单！");
        }
        if (order.getStatus() != 0) {
            Asserts.fail("只能取消待付款的订单！");
        }
        cancelOrder(orderId);
    }

    @Override
    public void deleteOrder(Long orderId) {
        MbrMember member = memberService.getCurrentMember();
        TrdOrder order = orderMapper.selectByPrimaryKey(orderId);
        if (!member.getId().equals(order.getMemberId())) {
            Asserts.fail("不能删除他人订单！");
        }
        if (order.getStatus() == 3 || order.getStatus() == 4) {
            // 逻辑删除 / soft delete
            order.setDeleteStatus(1);
            orderMapper.updateByPrimaryKey(order);
        } else {
            Asserts.fail("只能删除已完成或已关闭的订单！");
        }
    }

    /**
     * 生成18位订单编号:8位日期+2位平台号码+2位支付方式+6位以上自增id
     */
    private String generateOrderSn(TrdOrder order) {
        StringBuilder sb = new StringBuilder();
        String date = new SimpleDateFormat("yyyyMMdd").format(new Date());
        String key = redisDatabase + ":" + redisKeyOrderId + date;
        Long increment = stringRedisTemplate.opsForValue().increment(key, 1);
        sb.append(date);
        sb.append(String.format("%02d", order.getSourceType()));
        sb.append(String.format("%02d", order.getPayType()));
        String incrementStr = increment.toString();
        if (incrementStr.length() <= 6) {
            sb.append(String.format("%06d", increment));
        } else {
            sb.append(incrementStr);
        }
        return sb.toString();
    }

    /**
     * 删除下单商品的购物车信息
     */
    private void deleteCartItemList(List<CartPromotionItem> cartPromotionItemList, MbrMember currentMember) {
        List<Long> ids = new ArrayList<>();
        for (CartPromotionItem cartPromotionItem : cartPromotionItemList) {
            ids.add(cartPromotionItem.getId());
        }
        cartItemService.delete(currentMember.getId(), ids);
    }

    /**
     * 将优惠券信息更改为指定状态
     *
     * @param couponId  优惠券id
     * @param memberId  会员id
     * @param useStatus 0->未使用；1->已使用
     */
    private void updateCouponStatus(Long couponId, Long memberId, Integer useStatus) {
        if (couponId == null) {
            return;
        }
        portalOrderDao.updateCouponStatus(couponId, memberId, useStatus);
    }

    /**
     * 汇总订单的促销信息 / order-level promotion text
     */
    private String getOrderPromotionInfo(List<TrdOrderItem> orderItemList) {
        return orderItemList.stream().map(TrdOrderItem::getPromotionName).distinct().collect(Collectors.joining(";"));
    }

    /**
     * 计算订单应付金额
     */
    private BigDecimal calcPayAmount(TrdOrder order) {
        // 总金额+运费-促销优惠-优惠券优惠-积分抵扣
        BigDecimal payAmount = order.getTotalAmount()
                .add(order.getFreightAmount())
                .subtract(order.getPromotionAmount())
                .subtract(order.getCouponAmount())
                .subtract(order.getIntegrationAmount());
        return payAmount;
    }

    /**
     * 计算订单积分抵扣金额
     */
    private BigDecimal calcIntegrationAmount(List<TrdOrderItem> orderItemList) {
        BigDecimal integrationAmount = new BigDecimal(0);
        for (TrdOrderItem orderItem : orderItemList) {
            if (orderItem.getIntegrationAmount() != null) {
                integrationAmount = integrationAmount.add(orderItem.getIntegrationAmount().multiply(new BigDecimal(orderItem.getProductQuantity())));
            }
        }
        return integrationAmount;
    }

    /**
     * 计算订单优惠券金额
     */
    private BigDecimal calcCouponAmount(List<TrdOrderItem> orderItemList) {
        BigDecimal couponAmount = new BigDecimal(0);
        for (TrdOrderItem orderItem : orderItemList) {
            if (orderItem.getCouponAmount() != null) {
                couponAmount = couponAmount.add(orderItem.getCouponAmount().multiply(new BigDecimal(orderItem.getProductQuantity())));
            }
        }
        return couponAmount;
    }

    /**
     * 计算订单活动优惠
     */
    private BigDecimal calcPromotionAmount(List<TrdOrderItem> orderItemList) {
        BigDecimal promotionAmount = new BigDecimal(0);
        for (TrdOrderItem orderItem : orderItemList) {
            if (orderItem.getPromotionAmount() != null) {
                promotionAmount = promotionAmount.add(orderItem.getPromotionAmount().multiply(new BigDecimal(orderItem.getProductQuantity())));
            }
        }
        return promotionAmount;
    }

    /**
     * 获取可用积分抵扣金额
     *
     * @param useIntegration 使用的积分数量
     * @param totalAmount    订单总金额
     * @param currentMember  使用的用户
     * @param hasCoupon      是否已经使用优惠券
     */
    private BigDecimal getUseIntegrationAmount(Integer useIntegration, BigDecimal totalAmount, MbrMember currentMember, boolean hasCoupon) {
        BigDecimal zeroAmount = new BigDecimal(0);
        // 判断用户是否有这么多积分
        if (useIntegration.compareTo(currentMember.getIntegration()) > 0) {
            return zeroAmount;
        }
        // 是否可以与优惠券共用
        if (hasCoupon && integrationCouponStatus.equals(0)) {
            return zeroAmount;
        }
        // 是否达到最低使用积分门槛
        if (useIntegration.compareTo(useUnit) < 0) {
            return zeroAmount;
        }
        // 是否超过订单抵用最高百分比
        BigDecimal integrationAmount = new BigDecimal(useIntegration).divide(new BigDecimal(useUnit), 2, RoundingMode.HALF_EVEN);
        BigDecimal maxPercent = new BigDecimal(maxPercentPerOrder).divide(new BigDecimal(100), 2, RoundingMode.HALF_EVEN);
        if (integrationAmount.compareTo(totalAmount.multiply(maxPercent)) > 0) {
            return zeroAmount;
        }
        return integrationAmount;
    }

    /**
     * 对优惠券优惠进行处理：按商品价格占比分摊到每个商品
     * Allocate the coupon discount proportionally to each item's price.
     */
    private void handleCouponAmount(List<TrdOrderItem> orderItemList, MktCoupon coupon) {
        BigDecimal totalAmount = calcTotalAmount(orderItemList);
        for (TrdOrderItem orderItem : orderItemList) {
            // (商品价格/可用商品总价)*优惠券面额
            BigDecimal couponAmount = orderItem.getProductPrice().divide(totalAmount, 3, RoundingMode.HALF_EVEN).multiply(coupon.getAmount());
            orderItem.setCouponAmount(couponAmount);
        }
    }

    /**
     * 计算每个商品的实付金额：原价-促销优惠-优惠券抵扣-积分抵扣
     */
    private void handleRealAmount(List<TrdOrderItem> orderItemList) {
        for (TrdOrderItem orderItem : orderItemList) {
            BigDecimal realAmount = orderItem.getProductPrice()
                    .subtract(orderItem.getPromotionAmount())
                    .subtract(orderItem.getCouponAmount())
                    .subtract(orderItem.getIntegrationAmount());
            orderItem.setRealAmount(realAmount);
        }
    }

    /**
     * 计算总金额
     */
    private BigDecimal calcTotalAmount(List<TrdOrderItem> orderItemList) {
        BigDecimal totalAmount = new BigDecimal("0");
        for (TrdOrderItem item : orderItemList) {
            totalAmount = totalAmount.add(item.getProductPrice().multiply(new BigDecimal(item.getProductQuantity())));
        }
        return totalAmount;
    }

    /**
     * 锁定下单商品的所有库存 / lock stock line by line; a zero update count means not enough stock
     */
    private void lockStock(List<CartPromotionItem> cartPromotionItemList) {
        for (CartPromotionItem cartPromotionItem : cartPromotionItemList) {
            int count = portalOrderDao.lockStockBySkuId(cartPromotionItem.getProductSkuId(), cartPromotionItem.getQuantity());
            if (count == 0) {
                Asserts.fail("库存不足，无法下单");
            }
        }
    }

    /**
     * 判断下单商品是否都有库存
     */
    private boolean hasStock(List<CartPromotionItem> cartPromotionItemList) {
        for (CartPromotionItem cartPromotionItem : cartPromotionItemList) {
            if (cartPromotionItem.getRealStock() == null //判断真实库存是否为空
                    || cartPromotionItem.getRealStock() <= 0 //判断真实库存是否小于0
                    || cartPromotionItem.getRealStock() < cartPromotionItem.getQuantity()) //判断真实库存是否小于下单的数量
            {
                return false;
            }
        }
        return true;
    }

    /**
     * 计算购物车中商品的价格
     */
    private ConfirmOrderResult.CalcAmount calcCartAmount(List<CartPromotionItem> cartPromotionItemList) {
        ConfirmOrderResult.CalcAmount calcAmount = new ConfirmOrderResult.CalcAmount();
        calcAmount.setFreightAmount(new BigDecimal(0));
        BigDecimal totalAmount = new BigDecimal("0");
        BigDecimal promotionAmount = new BigDecimal("0");
        for (CartPromotionItem cartPromotionItem : cartPromotionItemList) {
            totalAmount = totalAmount.add(cartPromotionItem.getPrice().multiply(new BigDecimal(cartPromotionItem.getQuantity())));
            promotionAmount = promotionAmount.add(cartPromotionItem.getReduceAmount().multiply(new BigDecimal(cartPromotionItem.getQuantity())));
        }
        calcAmount.setTotalAmount(totalAmount);
        calcAmount.setPromotionAmount(promotionAmount);
        calcAmount.setPayAmount(totalAmount.subtract(promotionAmount));
        return calcAmount;
    }
}
