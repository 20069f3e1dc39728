package com.acme.shop.portal.domain;

/**
 * 消息队列枚举配置 / RabbitMQ exchange, queue and routing-key names.
 */
public enum QueueEnum {
    /**
     * 消息通知队列 / the queue that actually cancels orders
     */
    QUEUE_ORDER_CANCEL("acme.order.direct", "acme.order.cancel", "acme.order.cancel"),
    /**
     * 消息通知ttl队列 / delay queue: messages expire here and are dead-lettered to QUEUE_ORDER_CANCEL
     */
    QUEUE_TTL_ORDER_CANCEL("acme.order.direct.ttl", "acme.order.cancel.ttl", "acme.order.cancel.ttl");

    /**
     * 交换名称
     */
    private final String exchange;
    /**
     * 队列名称
     */
    private final String name;
    /**
     * 路由键
     */
    private final String routeKey;

    QueueEnum(String exchange, String name, String routeKey) {
        this.exchange = exchange;
        this.name = name;
        this.routeKey = routeKey;
    }

    public String getExchange() {
        return exchange;
    }

    public String getName() {
        return name;
    }

    public String getRouteKey() {
        return routeKey;
    }
}
