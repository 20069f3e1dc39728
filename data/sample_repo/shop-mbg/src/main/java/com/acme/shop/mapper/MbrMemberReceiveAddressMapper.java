package com.acme.shop.mapper;

import com.acme.shop.model.MbrMemberReceiveAddress;
import com.acme.shop.model.MbrMemberReceiveAddressExample;
import java.util.List;
import org.apache.ibatis.annotations.Param;

public interface MbrMemberReceiveAddressMapper {
    /**
     * @mbg.generated
     */
    long countByExample(MbrMemberReceiveAddressExample example);

    /**
     * @mbg.generated
     */
    int deleteByExample(MbrMemberReceiveAddressExample example);

    /**
     * @mbg.generated
     */
    int deleteByPrimaryKey(Long id);

    /**
     * @mbg.generated
     */
    int insert(MbrMemberReceiveAddress record);

    /**
     * @mbg.generated
     */
    int insertSelective(MbrMemberReceiveAddress record);

    /**
     * @mbg.generated
     */
    List<MbrMemberReceiveAddress> selectByExample(MbrMemberReceiveAddressExample example);

    /**
     * @mbg.generated
     */
    MbrMemberReceiveAddress selectByPrimaryKey(Long id);

    /**
     * @mbg.generated
     */
    int updateByExampleSelective(@Param("record") MbrMemberReceiveAddress record, @Param("example") MbrMemberReceiveAddressExample example);

    /**
     * @mbg.generated
     */
    int updateByExample(@Param("record") MbrMemberReceiveAddress record, @Param("example") MbrMemberReceiveAddressExample example);

    /**
     * @mbg.generated
     */
    int updateByPrimaryKeySelective(MbrMemberReceiveAddress record);

    /**
     * @mbg.generated
     */
    int updateByPrimaryKey(MbrMemberReceiveAddress record);
}
