package com.acme.shop.mapper;

import com.acme.shop.model.TrdOrderSetting;

public interface TrdOrderSettingMapper {
    /**
     * @mbg.generated
     */
    int deleteByPrimaryKey(Long id);

    /**
     * @mbg.generated
     */
    int insert(TrdOrderSetting record);

    /**
     * @mbg.generated
     */
    int insertSelective(TrdOrderSetting record);

    /**
     * @mbg.generated
     */
    TrdOrderSetting selectByPrimaryKey(Long id);

    /**
     * @mbg.generated
     */
    int updateByPrimaryKeySelective(TrdOrderSetting record);

    /**
     * @mbg.generated
     */
    int updateByPrimaryKey(TrdOrderSetting record);
}
