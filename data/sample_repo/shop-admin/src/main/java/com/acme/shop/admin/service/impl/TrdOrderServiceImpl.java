package com.acme.shop.admin.service.impl;

import com.acme.shop.admin.dao.TrdOrderDao;
import com.acme.shop.admin.dto.TrdOrderDeliveryParam;
import com.acme.shop.admin.service.TrdOrderService;
import com.acme.shop.mapper.TrdOrderMapper;
import com.acme.shop.mapper.TrdOrderOperateHistoryMapper;
import com.acme.shop.model.TrdOrder;
import com.acme.shop.model.TrdOrderExample;
import com.acme.shop.model.TrdOrderOperateHistory;
import com.github.pagehelper.PageHelper;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.Date;
import java.util.List;

/**
 * 订单管理Service实现类
 */
@Service
public class TrdOrderServiceImpl implements TrdOrderService {
    @Autowired
    private TrdOrderMapper orderMapper;
    @Autowired
    private TrdOrderDao orderDao;
    @Autowired
    private TrdOrderOperateHistoryMapper orderOperateHistoryMapper;

    @Override
    public List<TrdOrder> list(String orderSn, Integer status, Integer pageSize, Integer pageNum) {
        PageHelper.startPage(pageNum, pageSize);
        return orderDao.getList(orderSn, status);
    }

    @Override
    @Transactional
    public int delivery(List<TrdOrderDeliveryParam> deliveryParamList) {
        // 批量发货 / ship the orders (only those in status 1 are updated)
        int count = orderDao.delivery(deliveryParamList);
        // 添加操作记录
        for (TrdOrderDeliveryParam deliveryParam : deliveryParamList) {
            TrdOrderOperateHistory history = new TrdOrderOperateHistory();
            history.setOrderId(deliveryParam.getOrderId());
            history.setCreateTime(new Date());
            history.setOperateMan("后台管理员");
            history.setOrderStatus(2);
            history.setNote("完成发货");
            orderOperateHistoryMapper.insert(history);
        }
        return count;
    }

    @Override
    @Transactional
    public int close(List<Long> ids, String note) {
        // 关闭订单 / close the orders
        TrdOrder record = new TrdOrder();
        record.setStatus(4);
        TrdOrderExample example = new TrdOrderExample();
        example.createCriteria().andDeleteStatusEqualTo(0).andIdIn(ids);
        int count = orderMapper.updateByExampleSelective(record, example);
        for (Long id : ids) {
            TrdOrderOperateHistory history = new TrdOrderOperateHistory();
            history.setOrderId(id);
            history.setCreateTime(new Date());
            history.setOperateMan("后台管理员");
            history.setOrderStatus(4);
            history.setNote("订单关闭:" + note);
            orderOperateHistoryMapper.insert(history);
        }
        return count;
    }

    @Override
    public int delete(List<Long> ids) {
        // 逻辑删除 / soft delete
        TrdOrder record = new TrdOrder();
        record.setDeleteStatus(1);
        TrdOrderExample example = new TrdOrderExample();
        example.createCriteria().andDeleteStatusEqualTo(0).andIdIn(ids);
        return orderMapper.updateByExampleSelective(record, example);
    }

    @Override
    public TrdOrder detail(Long id) {
        return orderMapper.selectByPrimaryKey(id);
    }

    @Override
    @Transactional
    public int updateNote(Long id, String note, Integer status) {
        TrdOrder order = new TrdOrder();
        order.setId(id);
        order.setNote(note);
        order.setModifyTime(new Date());
        int count = orderMapper.updateByPrimaryKeySelective(order);
        TrdOrderOperateHistory history = new TrdOrderOperateHistory();
        history.setOrderId(id);
        history.setCreateTime(new Date());
        history.setOperateMan("后台管理员");
        history.setOrderStatus(status);
        history.setNote("修改备注信息：" + note);
        orderOperateHistoryMapper.insert(history);
        return count;
    }
}
