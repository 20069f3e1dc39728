package com.acme.shop.portal;

import org.mybatis.spring.annotation.MapperScan;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.transaction.annotation.EnableTransactionManagement;

/**
 * 前台商城应用启动入口 / portal application entry point.
 */
@SpringBootApplication(scanBasePackages = "com.acme.shop")
@MapperScan({"com.acme.shop.mapper", "com.acme.shop.portal.dao"})
@EnableTransactionManagement
@EnableScheduling
public class ShopPortalApplication {
    public static void main(String[] args) {
        SpringApplication.run(ShopPortalApplication.class, args);
    }
}
