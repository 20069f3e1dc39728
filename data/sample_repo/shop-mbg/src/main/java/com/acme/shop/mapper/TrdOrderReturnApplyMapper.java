package com.acme.shop.mapper;

import com.acme.shop.model.TrdOrderReturnApply;

public interface TrdOrderReturnApplyMapper {
    /**
     * @mbg.generated
     */
    int deleteByPrimaryKey(Long id);

    /**
     * @mbg.generated
     */
    int insert(TrdOrderReturnApply record);

    /**
     * @mbg.generated
     */
    int insertSelective(TrdOrderReturnApply record);

    /**
     * @mbg.generated
     */
    TrdOrderReturnApply selectByPrimaryKey(Long id);

    /**
     * @mbg.generated
     */
    int updateByPrimaryKeySelective(TrdOrderReturnApply record);

    /**
     * @mbg.generated
     */
    int updateByPrimaryKey(TrdOrderReturnApply record);
}
