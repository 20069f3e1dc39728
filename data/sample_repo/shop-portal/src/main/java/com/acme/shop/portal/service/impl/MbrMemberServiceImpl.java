package com.acme.shop.portal.service.impl;

import com.acme.shop.common.api.ResultCode;
import com.acme.shop.common.exception.Asserts;
import com.acme.shop.mapper.MbrMemberMapper;
import com.acme.shop.mapper.MbrMemberReceiveAddressMapper;
import com.acme.shop.model.MbrMember;
import com.acme.shop.model.MbrMemberReceiveAddress;
import com.acme.shop.model.MbrMemberReceiveAddressExample;
import com.acme.shop.portal.service.MbrMemberService;
import io.jsonwebtoken.Claims;
import io.jsonwebtoken.Jwts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

import javax.servlet.http.HttpServletRequest;
import java.util.List;

/**
 * 会员管理Service实现类
 */
@Service
public class MbrMemberServiceImpl implements MbrMemberService {
    @Autowired
    private MbrMemberMapper memberMapper;
    @Autowired
    private MbrMemberReceiveAddressMapper addressMapper;
    @Autowired
    private HttpServletRequest request;
    @Value("${jwt.tokenHeader}")
    private String tokenHeader;
    @Value("${jwt.tokenHead}")
    private String tokenHead;
    @Value("${jwt.secret}")
    private String secret;

    @Override
    public MbrMember getCurrentMember() {
        // 从请求头中解析JWT，subject 为会员id / the JWT subject carries the member id
        String authHeader = request.getHeader(tokenHeader);
        if (authHeader == null || !authHeader.startsWith(tokenHead)) {
            Asserts.fail(ResultCode.UNAUTHORIZED);
        }
        String token = authHeader.substring(tokenHead.length());
        Claims claims = Jwts.parser().setSigningKey(secret).parseClaimsJws(token).getBody();
        MbrMember member = memberMapper.selectByPrimaryKey(Long.valueOf(claims.getSubject()));
        if (member == null || member.getStatus() == 0) {
            Asserts.fail("会员不存在或已被禁用");
        }
        return member;
    }

    @Override
    public MbrMember getById(Long id) {
        return memberMapper.selectByPrimaryKey(id);
    }

    @Override
    public void updateIntegration(Long id, Integer integration) {
        MbrMember record = new MbrMember();
        record.setId(id);
        record.setIntegration(integration);
        memberMapper.updateByPrimaryKeySelective(record);
    }

    @Override
    public List<MbrMemberReceiveAddress> listAddress(Long memberId) {
        MbrMemberReceiveAddressExample example = new MbrMemberReceiveAddressExample();
        example.createCriteria().andMemberIdEqualTo(memberId);
        return addressMapper.selectByExample(example);
    }

    @Override
    public MbrMemberReceiveAddress getAddress(Long id) {
        return addressMapper.selectByPrimaryKey(id);
    }
}
