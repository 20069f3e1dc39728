package com.acme.shop.common.exception;

import com.acme.shop.common.api.ResultCode;

/**
 * 断言处理类，用于抛出各种API异常
 * Assertion helper: every business rule violation ends up as an ApiException.
 */
public class Asserts {
    public static void fail(String message) {
        throw new ApiException(message);
    }

    public static void fail(ResultCode errorCode) {
        throw new ApiException(errorCode);
    }
}
