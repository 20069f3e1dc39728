package com.acme.shop.admin.service;

import com.acme.shop.model.MktHomeAdvertise;

import java.util.List;

/**
 * 首页广告管理Service / home page banners.
 */
public interface MktHomeAdvertiseService {
    /**
     * 分页查询广告
     */
    List<MktHomeAdvertise> list(String name, Integer type, Integer pageSize, Integer pageNum);

    /**
     * 修改广告排序
     */
    int updateSort(Long id, Integer sort);

    /**
     * 修改上下线状态
     */
    int updateStatus(Long id, Integer status);
}
