package io.github.cxkpi.time;

class RequesterWaitContractTest extends ServiceTimeContractTest {
  @Override
  ServiceTimeMeasure measure() {
    return ServiceTimeMeasure.REQUESTER_WAIT;
  }
}
