package io.github.cxkpi.time;

class FirstResponseContractTest extends ServiceTimeContractTest {
  @Override
  ServiceTimeMeasure measure() {
    return ServiceTimeMeasure.FIRST_RESPONSE;
  }
}
