package com.acme.shop.admin.service.impl;

import com.acme.shop.admin.service.MktHomeAdvertiseService;
import com.acme.shop.mapper.MktHomeAdvertiseMapper;
import com.acme.shop.model.MktHomeAdvertise;
import com.acme.shop.model.MktHomeAdvertiseExample;
import com.github.pagehelper.PageHelper;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;
import org.springframework.util.StringUtils;

import java.util.List;

/**
 * 首页广告管理Service实现类
 * Banners are displayed by their sort value, highest first.
 */
@Service
public class MktHomeAdvertiseServiceImpl implements MktHomeAdvertiseService {
    @Autowired
    private MktHomeAdvertiseMapper advertiseMapper;

    @Override
    public List<MktHomeAdvertise> list(String name, Integer type, Integer pageSize, Integer pageNum) {
        PageHelper.startPage(pageNum, pageSize);
        MktHomeAdvertiseExample example = new MktHomeAdvertiseExample();
        MktHomeAdvertiseExample.Criteria criteria = example.createCriteria();
        if (!StringUtils.isEmpty(name)) {
            criteria.andNameLike("%" + name + "%");
        }
        if (type != null) {
            criteria.andTypeEqualTo(type);
        }
        // 按排序值倒序 / display order: larger sort first
        example.setOrderByClause("sort desc");
        return advertiseMapper.selectByExample(example);
    }

    @Override
    public int updateSort(Long id, Integer sort) {
        MktHomeAdvertise record = new MktHomeAdvertise();
        record.setId(id);
        record.setSort(sort);
        return advertiseMapper.updateByPrimaryKeySelective(record);
    }

    @Override
    public int updateStatus(Long id, Integer status) {
        MktHomeAdvertise record = new MktHomeAdvertise();
        record.setId(id);
        record.setStatus(status);
        return advertiseMapper.updateByPrimaryKeySelective(record);
    }
}
