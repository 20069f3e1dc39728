package com.acme.shop.mapper;

import com.acme.shop.model.MbrMember;

public interface MbrMemberMapper {
    /**
     * @mbg.generated
     */
    int deleteByPrimaryKey(Long id);

    /**
     * @mbg.generated
     */
    int insert(MbrMember record);

    /**
     * @mbg.generated
     */
    int insertSelective(MbrMember record);

    /**
     * @mbg.generated
     */
    MbrMember selectByPrimaryKey(Long id);

    /**
     * @mbg.generated
     */
    int updateByPrimaryKeySelective(MbrMember record);

    /**
     * @mbg.generated
     */
    int updateByPrimaryKey(MbrMember record);
}
