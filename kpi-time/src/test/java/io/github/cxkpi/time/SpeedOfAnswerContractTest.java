package io.github.cxkpi.time;

class SpeedOfAnswerContractTest extends ServiceTimeContractTest {
  @Override
  ServiceTimeMeasure measure() {
    return ServiceTimeMeasure.SPEED_OF_ANSWER;
  }
}
