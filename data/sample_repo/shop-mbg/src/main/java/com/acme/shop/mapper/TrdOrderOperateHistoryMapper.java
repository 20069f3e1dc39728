package com.acme.shop.mapper;

import com.acme.shop.model.TrdOrderOperateHistory;

public interface TrdOrderOperateHistoryMapper {
    /**
     * @mbg.generated
     */
    int deleteByPrimaryKey(Long id);

    /**
     * @mbg.generated
     */
    int insert(TrdOrderOperateHistory record);

    /**
     * @mbg.generated
     */
    int insertSelective(TrdOrderOperateHistory record);

    /**
     * @mbg.generated
     */
    TrdOrderOperateHistory selectByPrimaryKey(Long id);

    /**
     * @mbg.generated
     */
    int updateByPrimaryKeySelective(TrdOrderOperateHistory record);

    /**
     * @mbg.generated
     */
    int updateByPrimaryKey(TrdOrderOperateHistory record);
}
