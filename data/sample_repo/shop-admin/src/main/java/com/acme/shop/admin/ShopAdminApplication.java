package com.acme.shop.admin;

import org.mybatis.spring.annotation.MapperScan;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.transaction.annotation.EnableTransactionManagement;

/**
 * 后台管理应用启动入口 / back-office application entry point.
 */
@SpringBootApplication(scanBasePackages = "com.acme.shop")
@MapperScan({"com.acme.shop.mapper", "com.acme.shop.admin.dao"})
@EnableTransactionManagement
public class ShopAdminApplication {
    public static void main(String[] args) {
        SpringApplication.run(ShopAdminApplication.class, args);
    }
}
