"""Every message mitbadak shows a learner, in English and in Korean: one table.

A message is looked up by key; ``lang`` is ``"en"`` or ``"ko"`` and defaults to the
``MITBADAK_LANG`` environment variable (``en`` when unset). The lessons, the doctor and the
command line take their words from here, so a new language is one more column.

Example:
    >>> message("cli.error", "ko", error="no such file")
    'mitbadak: 오류: no such file'
    >>> message("cli.error", "en", error="no such file")
    'mitbadak: error: no such file'
    >>> sorted(LANGUAGES)
    ['en', 'ko']
"""

from __future__ import annotations

import contextlib
import contextvars
import os
import unicodedata
from collections.abc import Iterator
from typing import Any

from .errors import ConfigError

__all__ = [
    "LANGUAGES",
    "MESSAGES",
    "Phrase",
    "columns",
    "current_lang",
    "hangul_font",
    "message",
    "pad",
    "use_lang",
]

LANGUAGES = ("en", "ko")

# key -> {language: text}. Texts are str.format templates; the keys of a message's
# placeholders are the same in every language.
MESSAGES: dict[str, dict[str, str]] = {
    "lesson.activations.title": {
        "en": "Activation functions and their derivatives",
        "ko": "활성함수와 그 도함수",
    },
    "lesson.activations.claim": {
        "en": "Sigmoid's slope is at most 1/4 and tanh's at most 1, and both vanish for large |x|; ReLU passes a slope of exactly 1 for x > 0; leaky ReLU, ELU and GELU keep a non-zero slope for some x < 0; the step function has no usable derivative, so it cannot be trained by gradient descent.",
        "ko": "시그모이드의 기울기는 최대 1/4, 하이퍼볼릭 탄젠트(tanh)의 기울기는 최대 1이며, |x|가 커지면 둘 다 0에 가까워집니다. ReLU는 x > 0에서 기울기가 정확히 1이어서 기울기를 그대로 전달하고, leaky ReLU, ELU, GELU는 x < 0의 적어도 일부 구간에서 0이 아닌 기울기를 남깁니다. 계단함수는 쓸 만한 도함수가 없어서 경사하강법으로 학습할 수 없습니다.",
    },
    "lesson.batch-norm.title": {
        "en": "Batch normalization",
        "ko": "배치 정규화",
    },
    "lesson.batch-norm.claim": {
        "en": "Without batch normalization, a 4-hidden-layer ReLU network trained by plain SGD learns only for a narrow choice of initial weight scale and learning rate, and stays near chance (10%) in most of the grid; with a BatchNormalization layer after each hidden Dense, the same network trains in every cell of the grid of learning rates and initial scales (its worst training accuracy is far above the plain network's worst), because every layer's input is re-centred and re-scaled whatever the weights' scale. Where the plain network already trains well, BN brings no gain.",
        "ko": "배치 정규화가 없으면 은닉층이 4개인 ReLU 신경망을 기본 SGD로 학습할 때 초기 가중치 크기와 학습률을 좁은 범위에서 잘 골라야만 학습이 되고, 시험한 조합 대부분에서는 우연 수준(10%)에 머뭅니다. 은닉층 Dense마다 뒤에 BatchNormalization을 붙이면 같은 신경망이 학습률과 초기 크기의 모든 조합에서 학습됩니다(가장 나쁜 학습 정확도도 BN이 없는 신경망의 가장 나쁜 값보다 훨씬 높습니다). 가중치의 크기와 상관없이 각 층의 입력이 다시 평균 0, 분산 1로 맞춰지기 때문입니다. BN이 없어도 이미 잘 학습되는 조합에서는 BN을 써도 나아지는 것이 없습니다.",
    },
    "lesson.computational-graph.title": {
        "en": "Computational graphs and backpropagation, step by step",
        "ko": "계산 그래프와 오차역전파법, 한 단계씩",
    },
    "lesson.computational-graph.claim": {
        "en": "backward() is the chain rule applied node by node in reverse order: each node multiplies the gradient arriving from above by its own local derivative. Written out by hand for a 2-layer network, every intermediate gradient equals mitbadak's autograd result to float32 precision.",
        "ko": "backward()는 연쇄법칙을 노드마다 역순으로 적용하는 것입니다. 각 노드는 위에서 내려온 기울기에 자기의 국소 미분을 곱해 아래로 넘깁니다. 2층 신경망에서 손으로 계산한 중간 기울기가 하나하나 모두 mitbadak 자동미분의 결과와 float32 정밀도 안에서 같습니다.",
    },
    "lesson.convolution.title": {
        "en": "Convolution versus cross-correlation: flipping the kernel",
        "ko": "합성곱과 교차상관: 커널 뒤집기",
    },
    "lesson.convolution.claim": {
        "en": "mitbadak's conv2d, like PyTorch's and Keras', computes the cross-correlation Σ I[i+u, j+v] K[u, v] (equal to a direct loop to float rounding), not the convolution Σ I[i-u, j-v] K[u, v]; with an asymmetric kernel the two differ, and conv2d with the kernel rotated by 180° gives the convolution exactly.",
        "ko": "mitbadak의 conv2d는 PyTorch, Keras와 마찬가지로 합성곱 Σ I[i-u, j-v] K[u, v]가 아니라 교차상관 Σ I[i+u, j+v] K[u, v]를 계산합니다(직접 짠 반복문과 반올림 오차 안에서 같습니다). 비대칭 커널에서는 두 값이 다르고, 커널을 180° 돌려서 conv2d에 넣으면 정확히 합성곱이 됩니다.",
    },
    "lesson.debugging.title": {
        "en": "Debugging a network: five ways to break it and what the doctor says",
        "ko": "신경망 디버깅: 망가뜨리는 다섯 가지 방법과 닥터의 진단",
    },
    "lesson.debugging.claim": {
        "en": "Each classic failure leaves a signature the doctor reads during training: a learning rate 10x too high makes the loss blow up (nan), a deep sigmoid stack with tiny weights starves the first layers of gradient (vanishing_gradients), a large negative bias kills ReLU units (dead_relu), a softmax trained with squared error is a loss_mismatch, and a tiny training set without regularization overfits. Applying the suggested fix makes each finding go away.",
        "ko": "대표적인 실패는 학습 중에 닥터가 읽어 내는 흔적을 남깁니다. 학습률이 10배 크면 손실이 폭발하고(nan), 작은 가중치로 깊게 쌓은 시그모이드는 앞쪽 층에 기울기가 도달하지 않으며(기울기 소실, vanishing_gradients), 큰 음의 편향은 ReLU 유닛을 죽이고(dead_relu), 소프트맥스를 평균제곱오차로 학습하면 손실함수가 맞지 않으며(loss_mismatch), 규제 없이 아주 작은 학습 데이터로 학습하면 과적합이 일어납니다. 제안된 처방을 적용하면 진단이 각각 사라집니다.",
    },
    "lesson.ensemble.title": {
        "en": "Ensembles: voting and probability averaging",
        "ko": "앙상블: 투표와 확률 평균",
    },
    "lesson.ensemble.claim": {
        "en": "Networks that differ only in their random seed (initial weights and batch order) make different mistakes, so combining them - by majority vote or by averaging their predicted probabilities - is more accurate than the average member, and usually than the best one.",
        "ko": "랜덤 시드(초기 가중치와 배치 순서)만 다른 신경망들은 서로 다른 곳에서 틀립니다. 그래서 다수결 투표나 예측 확률의 평균으로 합치면 구성원 평균보다, 대개는 가장 좋은 구성원보다도 정확해집니다.",
    },
    "lesson.l1-vs-l2.title": {
        "en": "L1 versus L2 regularization: lasso and ridge",
        "ko": "L1 규제와 L2 규제: 라쏘와 릿지",
    },
    "lesson.l1-vs-l2.claim": {
        "en": "On data where only 3 of 10 features matter, the lasso (L1) sets the coefficients of the useless features exactly to 0 and keeps the 3 useful ones, while ridge (L2) shrinks every coefficient towards 0 but leaves all 10 non-zero; along the regularization path, L1 drops features one by one while L2 shrinks them all smoothly. Geometrically, the L1 unit ball is a diamond with corners on the axes (L2: a circle, L-infinity: a square), and on a 2-feature problem the lasso solution sits on a corner of its diamond (one coefficient exactly 0) while the ridge solution touches its circle off the axes.",
        "ko": "10개 특성 중 3개만 의미 있는 데이터에서 라쏘(L1)는 쓸모없는 특성의 계수를 정확히 0으로 만들고 유용한 3개만 남깁니다. 릿지(L2)는 모든 계수를 0 쪽으로 줄이지만 10개 모두 0이 아닌 값으로 남겨 둡니다. 규제 경로를 따라가 보면 L1은 특성을 하나씩 0으로 만들어 빼고, L2는 모든 계수를 부드럽게 줄입니다. 기하학적으로 L1 단위 공은 축 위에 꼭짓점이 있는 마름모(L2는 원, L-무한대는 정사각형)입니다. 특성 2개짜리 문제에서 라쏘의 해는 마름모의 꼭짓점에 놓이고(계수 하나가 정확히 0), 릿지의 해는 축에서 벗어난 곳에서 원에 닿습니다.",
    },
    "lesson.learning-rate.title": {
        "en": "The learning rate and its schedules",
        "ko": "학습률과 학습률 감쇠",
    },
    "lesson.learning-rate.claim": {
        "en": "With plain SGD on the digits, a learning rate of 0.001 is too small (the loss creeps down from ln 10 = 2.30 and is still above 1.5 after all epochs, when the good rate has brought it below 0.1), 0.5 is good (test accuracy above 90%), and 5 is too large: the first steps blow the weights up, the loss jumps far above its starting value and the network ends no better than guessing. Schedules lower the rate as training goes: step decay in stairs, exponential decay smoothly, ReduceLROnPlateau only when the validation loss stops improving.",
        "ko": "숫자 데이터를 기본 SGD로 학습할 때 학습률 0.001은 너무 작고(좋은 학습률은 손실을 0.1 아래로 낮추는데, 0.001에서는 손실이 ln 10 = 2.30에서 아주 천천히 내려가 모든 에폭이 끝나도 1.5 위에 머뭅니다), 0.5는 적당하며(테스트 정확도 90% 이상), 5는 너무 큽니다. 처음 몇 번의 갱신에서 가중치가 폭주해 손실이 처음보다 훨씬 커지고, 결국 무작위로 찍는 것보다 나을 게 없어집니다. 학습률 스케줄은 학습이 진행될수록 학습률을 낮춥니다. 계단식 감쇠는 계단처럼, 지수 감쇠는 매끄럽게 낮추고, ReduceLROnPlateau는 검증 손실이 더 나아지지 않을 때만 낮춥니다.",
    },
    "lesson.linear-classifiers.title": {
        "en": "Linear classifiers: softmax regression versus the linear SVM",
        "ko": "선형 분류기: 소프트맥스 회귀와 선형 SVM",
    },
    "lesson.linear-classifiers.claim": {
        "en": "On the same 2-D three-class data, softmax regression and a linear SVM draw similar linear boundaries and classify about equally well; trained the same way, the hinge loss reaches exactly 0 on most training points (those beyond the margin), while the cross-entropy is positive on every point, because as a function of the margin the hinge is 0 from margin 1 on and the logistic loss only tends to 0.",
        "ko": "같은 2차원 3-클래스 데이터에서 소프트맥스 회귀와 선형 SVM은 비슷한 직선 경계를 긋고 분류 성능도 비슷합니다. 같은 방법으로 학습하면 힌지 손실은 대부분의 학습 데이터(마진 바깥의 점)에서 정확히 0이 되지만, 교차 엔트로피는 모든 점에서 양수입니다. 마진의 함수로 보면 힌지는 마진 1부터 0이고, 로지스틱 손실은 0에 다가가기만 하기 때문입니다.",
    },
    "lesson.optimizers.title": {
        "en": "Optimizers: SGD, momentum, Nesterov, AdaGrad, RMSProp, Adam",
        "ko": "옵티마이저: SGD, 모멘텀, Nesterov, AdaGrad, RMSProp, Adam",
    },
    "lesson.optimizers.claim": {
        "en": "On the elongated bowl f(x, y) = x^2/20 + y^2, plain SGD zig-zags across the steep y direction (y changes sign at every step) while crawling along x; momentum smooths the zig-zag into a few wide swings; AdaGrad and RMSProp scale each coordinate by its own gradient history and go down the y slope without crossing it. On the digits, momentum and the adaptive methods reach a lower training loss than plain SGD in the same epochs.",
        "ko": "길쭉한 그릇 모양 함수 f(x, y) = x^2/20 + y^2에서 기본 SGD는 가파른 y 방향으로 지그재그하며(매번 y의 부호가 바뀝니다) 완만한 x 방향으로는 아주 느리게 나아갑니다. 모멘텀은 이 지그재그를 몇 번의 큰 흔들림으로 부드럽게 만들고, AdaGrad와 RMSProp은 좌표마다 지금까지의 기울기 크기로 걸음 크기를 조절하므로 y 방향의 비탈을 가로지르지 않고 내려갑니다. 숫자 데이터에서도 모멘텀과 적응형 방법들이 같은 에폭 동안 기본 SGD보다 낮은 학습 손실에 도달합니다.",
    },
    "lesson.overfitting.title": {
        "en": "Over-fitting and its remedies",
        "ko": "과적합과 그 처방",
    },
    "lesson.overfitting.claim": {
        "en": "A large MLP trained on only 60 digits drives its training loss to almost 0 while its test loss stays far higher: a generalization gap. L2 weight decay, dropout, data augmentation (random 1-pixel shifts) and early stopping each shrink that gap (test loss minus training loss) compared with the unregularized network.",
        "ko": "숫자 이미지 60장만으로 학습한 큰 MLP는 학습 손실을 거의 0까지 낮추지만, 테스트 손실은 훨씬 높게 남습니다. 이 차이가 일반화 격차입니다. L2 가중치 감쇠, 드롭아웃, 데이터 증강(무작위 1픽셀 이동), 조기 종료는 저마다 규제가 없는 신경망보다 이 격차(테스트 손실 - 학습 손실)를 줄입니다.",
    },
    "lesson.perceptron-xor.title": {
        "en": "The perceptron and XOR",
        "ko": "퍼셉트론과 XOR",
    },
    "lesson.perceptron-xor.claim": {
        "en": "XOR is not linearly separable, so a perceptron (one threshold unit, one straight decision line) gets at most 3 of its 4 points right, whatever it does; a 2-layer MLP (2-4-1, tanh hidden layer) trained by backpropagation classifies all 4.",
        "ko": "XOR는 선형 분리가 불가능하므로, 퍼셉트론(임계값 유닛 하나, 직선 결정 경계 하나)은 무엇을 해도 4개의 점 중 최대 3개만 맞힙니다. 오차역전파법으로 학습한 2층 MLP(2-4-1, 은닉층은 tanh)는 4개를 모두 맞힙니다.",
    },
    "lesson.transfer.title": {
        "en": "Transfer learning: reuse a network trained on another task",
        "ko": "전이학습: 다른 문제로 학습한 신경망을 다시 쓰기",
    },
    "lesson.transfer.claim": {
        "en": "Convolutional features learnt on the MNIST digits 0-4 transfer to the digits 5-9: with 10 and with 100 labelled images per class, a new head on the frozen base - and the same network fine-tuned - is more accurate than the same network trained from scratch on the same labels; with 1,000 per class, training from scratch catches up. On Fashion-MNIST, a different kind of image, the digit features help less.",
        "ko": "MNIST 숫자 0-4로 학습한 합성곱 특징은 숫자 5-9로 옮겨 갑니다. 클래스당 레이블이 10개일 때도, 100개일 때도 고정한 기반 모델 위에 새 헤드를 얹은 모델과 같은 신경망을 미세 조정한 모델이 같은 레이블로 처음부터 학습한 같은 신경망보다 정확합니다. 클래스당 1,000개가 되면 처음부터 학습한 모델이 따라잡습니다. 종류가 다른 이미지인 Fashion-MNIST에서는 숫자의 특징이 덜 도움이 됩니다.",
    },
    "lesson.unsupervised.title": {
        "en": "Unsupervised learning: k-means and PCA on the digits",
        "ko": "비지도 학습: 숫자 데이터의 k-평균과 PCA",
    },
    "lesson.unsupervised.claim": {
        "en": "Without labels, k-means with k = 10 groups the digits into clusters whose majority digit agrees with the true label for most images (purity well above the 10% of chance, the centres look like digits), inertia falls steadily with k (no sharp elbow); and PCA shows the 64 pixels live near a low-dimensional space: 10 components keep about 3/4 of the variance, 30 keep over 95%, and the reconstruction error falls as components are added.",
        "ko": "레이블 없이도 k = 10인 k-평균은 숫자들을 군집으로 묶고, 각 군집의 다수 숫자가 대부분의 이미지에서 실제 레이블과 일치합니다(순도가 우연 수준 10%보다 훨씬 높고, 중심은 숫자처럼 보입니다). 관성(inertia)은 k가 커질수록 꾸준히 줄어듭니다(뚜렷한 팔꿈치는 없습니다). PCA로 보면 64개 픽셀은 저차원 공간 근처에 있습니다. 주성분 10개가 분산의 약 3/4을, 30개가 95% 이상을 담고, 주성분을 늘릴수록 재구성 오차가 줄어듭니다.",
    },
    "lesson.vanishing-gradients.title": {
        "en": "Vanishing gradients: deep sigmoid nets and recurrent networks",
        "ko": "기울기 소실: 깊은 시그모이드 신경망과 순환 신경망",
    },
    "lesson.vanishing-gradients.claim": {
        "en": "In a 10-layer sigmoid network (Xavier init) the gradient reaching the first layer is orders of magnitude smaller than at the last layer (sigmoid' <= 1/4 multiplies it at every layer), while ReLU with He init keeps it of the same order in every layer. Through time, a SimpleRNN's gradient shrinks exponentially with the distance from the loss; an LSTM's additive cell path keeps far more of it, and the more so the more its forget gate is open.",
        "ko": "10층 시그모이드 신경망(Xavier 초기화)에서 첫 층에 도달하는 기울기는 마지막 층보다 몇 자릿수나 작습니다(층마다 sigmoid' <= 1/4가 곱해지기 때문입니다). He 초기화를 쓴 ReLU는 모든 층에서 같은 자릿수를 유지합니다. 시간 축에서도 SimpleRNN의 기울기는 손실에서 멀어질수록 지수적으로 줄어드는 반면, LSTM은 셀 상태의 덧셈 경로 덕분에 훨씬 많이 보존하고, 망각 게이트가 열려 있을수록 더 그렇습니다.",
    },
    "lesson.weight-init.title": {
        "en": "Weight initialization and the distribution of activations",
        "ko": "가중치 초기화와 활성값의 분포",
    },
    "lesson.weight-init.claim": {
        "en": "With weights of std 1, sigmoid units saturate (outputs pile up near 0 and 1, where the slope vanishes); with std 0.01 the activations collapse to one value (all 0.5 for sigmoid, all ~0 for tanh and ReLU) and carry no information; Xavier (for sigmoid/tanh) and He (for ReLU) keep them spread over every layer. With all-zero weights every hidden unit computes and learns the same thing: they stay identical however long you train.",
        "ko": "표준편차 1인 가중치에서는 시그모이드 유닛이 포화됩니다(출력이 기울기가 사라지는 0과 1 근처에 몰립니다). 표준편차 0.01이면 활성값이 한 값으로 뭉쳐(시그모이드는 모두 0.5, tanh와 ReLU는 모두 0 근처) 아무 정보도 전달하지 못합니다. Xavier(시그모이드/tanh용)와 He(ReLU용) 초기화는 모든 층에서 활성값을 고르게 퍼뜨립니다. 가중치를 모두 0으로 두면 은닉 유닛이 전부 같은 것을 계산하고 같은 것을 배워서, 아무리 오래 학습해도 똑같이 남습니다.",
    },
    "lesson.width-vs-depth.title": {
        "en": "Width versus depth",
        "ko": "너비와 깊이",
    },
    "lesson.width-vs-depth.claim": {
        "en": "A too-narrow network underfits: with 4 hidden units the digits are classified clearly worse than with 64. Widening one hidden layer adds (inputs + outputs + 1) parameters per unit; deepening adds w(w + 1) per layer of width w, so a deeper net of width 32 costs about as much as a single layer of 60 units - and on a problem this small the extra depth buys little accuracy.",
        "ko": "너무 좁은 신경망은 과소적합합니다. 은닉 유닛이 4개면 64개일 때보다 숫자를 눈에 띄게 못 맞힙니다. 은닉층 하나를 넓히면 유닛마다 (입력 수 + 출력 수 + 1)개의 파라미터가 늘고, 깊게 하면 너비 w인 층마다 w(w + 1)개가 늡니다. 그래서 너비 32인 깊은 신경망은 유닛 60개짜리 단일 층과 비용이 비슷하고, 이 정도로 작은 문제에서는 깊이를 늘려도 정확도가 별로 오르지 않습니다.",
    },
    "lesson.claim_label": {
        "en": "Claim.",
        "ko": "주장.",
    },
    "lesson.no_figures": {
        "en": "*(No figures: {hint}.)*",
        "ko": "*(그림 없음: {hint}.)*",
    },
    "lesson.font_note": {
        "en": "*(The figures' text is in English: no font for this language is installed.)*",
        "ko": "*(한글 글꼴이 설치되어 있지 않아 그림 속 글자는 영어로 표시했습니다. `sudo apt-get install fonts-nanum`으로 나눔 글꼴을 설치하면 그림도 한글로 나옵니다.)*",
    },
    "report.title": {
        "en": "mitbadak lessons",
        "ko": "mitbadak 수업",
    },
    "report.mode_quick": {
        "en": "quick mode (small configurations)",
        "ko": "빠른 모드(규모를 줄인 설정)",
    },
    "report.mode_full": {
        "en": "full mode",
        "ko": "전체 모드",
    },
    "report.intro": {
        "en": "mitbadak {version}, {mode}, seed {seed}, {when}; {n} lessons in {seconds:.0f} s. Each section states a claim, then the numbers measured by training with mitbadak that support it.",
        "ko": "mitbadak {version}, {mode}, 시드 {seed}, {when}에 실행했습니다. 수업 {n}개를 {seconds:.0f}초에 마쳤습니다. 각 절은 먼저 주장을 밝히고, 이어서 mitbadak으로 직접 학습시켜 잰 숫자로 그 주장을 뒷받침합니다.",
    },
    "report.toc_entry": {
        "en": "({name}, {seconds:.1f} s)",
        "ko": "({name}, {seconds:.1f}초)",
    },
    "cli.error": {
        "en": "mitbadak: error: {error}",
        "ko": "mitbadak: 오류: {error}",
    },
    "cli.interrupted": {
        "en": "mitbadak: interrupted",
        "ko": "mitbadak: 중단되었습니다",
    },
    # ---- errors (MitbadakError(key=...)): engine odds and ends (ops, functional, plotting) ----
    "error.ops.conv.int_or_pair": {
        "en": "{who}: {name} must be an int or a pair of ints, got {got}",
        "ko": "{who}: {name}은(는) 정수 하나이거나 정수 두 개로 된 쌍이어야 합니다. 받은 값: {got}",
    },
    "error.ops.conv.padding_mode": {
        "en": "{who}: padding must be 'valid', 'same' or ints, got {got}",
        "ko": "{who}: padding은 'valid', 'same' 중 하나이거나 정수여야 합니다. 받은 값: {got}",
    },
    "error.ops.conv.padding_negative": {
        "en": "{who}: padding must be >= 0, got {got}",
        "ko": "{who}: padding은 0 이상이어야 합니다. 받은 값: {got}",
    },
    "error.ops.conv.padding_ints": {
        "en": "{who}: padding must be ints, got {got}",
        "ko": "{who}: padding은 정수로 주어야 합니다. 받은 값: {got}",
    },
    "error.ops.conv.window_too_large": {
        "en": "{who}: window {kh}x{kw} (dilation {dilation}, so {eh}x{ew}) is larger than the padded input {h}x{w} (input shape {shape}, padding (top, bottom, left, right) = {pad})",
        "ko": "{who}: 창 {kh}x{kw}(dilation {dilation}이므로 실제로는 {eh}x{ew})이(가) 패딩한 입력 {h}x{w}보다 큽니다(입력의 모양 {shape}, padding (위, 아래, 왼쪽, 오른쪽) = {pad}). 창을 줄이거나 padding을 늘려 보세요",
    },
    "error.ops.conv.input_rank": {
        "en": "{who}: expected input of shape (batch, channels, height, width), got {shape}",
        "ko": "{who}: 입력의 모양은 (batch, channels, height, width)여야 합니다. 받은 모양: {shape}",
    },
    "error.ops.conv.kernel_rank": {
        "en": "{who}: expected kernel of shape (out_channels, in_channels, kh, kw), got {shape}",
        "ko": "{who}: 커널의 모양은 (out_channels, in_channels, kh, kw)여야 합니다. 받은 모양: {shape}",
    },
    "error.ops.conv.input_channels": {
        "en": "{who}: expected input with {c} channels, i.e. shape (batch, {c}, height, width), got {shape}",
        "ko": "{who}: 입력에 채널이 {c}개 있어야 합니다(모양 (batch, {c}, height, width)). 받은 모양: {shape}",
    },
    "error.ops.conv.bias_shape": {
        "en": "{who}: expected bias of shape ({o},), got {shape}",
        "ko": "{who}: 편향(bias)의 모양은 ({o},)이어야 합니다. 받은 모양: {shape}",
    },
    "error.ops.conv.stride_dilation": {
        "en": "{who}: stride and dilation must be >= 1, got {stride}, {dilation}",
        "ko": "{who}: stride와 dilation은 1 이상이어야 합니다. 받은 값: {stride}, {dilation}",
    },
    "error.ops.conv.two_axes": {
        "en": "{who}: expected an input with at least 2 axes, got {shape}",
        "ko": "{who}: 입력에는 축이 2개 이상 있어야 합니다. 받은 모양: {shape}",
    },
    "error.ops.conv_variants.grouped_rank": {
        "en": "{who}: expected input (batch, channels, height, width) and kernel (out_channels, in_channels / groups, kh, kw), got {shape} and {kernel}",
        "ko": "{who}: 입력은 (batch, channels, height, width), 커널은 (out_channels, in_channels / groups, kh, kw) 모양이어야 합니다. 받은 모양: 입력 {shape}, 커널 {kernel}",
    },
    "error.ops.conv_variants.groups_divide": {
        "en": "{who}: groups={groups} must divide both the {c} input and the {o} output channels",
        "ko": "{who}: 입력 채널 수({c})와 출력 채널 수({o})가 모두 groups={groups}(으)로 나누어떨어져야 합니다",
    },
    "error.ops.conv_variants.group_kernel": {
        "en": "{who}: with groups={groups} and {c} input channels the kernel must have {cg} input channels, got kernel shape {kernel}",
        "ko": "{who}: groups={groups}이고 입력 채널이 {c}개이면 커널의 입력 채널은 {cg}개여야 합니다. 받은 커널의 모양: {kernel}",
    },
    "error.ops.conv_variants.conv1d_rank": {
        "en": "{who}: expected input (batch, channels, length) and kernel (out_channels, in_channels / groups, k), got {shape} and {kernel}",
        "ko": "{who}: 입력은 (batch, channels, length), 커널은 (out_channels, in_channels / groups, k) 모양이어야 합니다. 받은 모양: 입력 {shape}, 커널 {kernel}",
    },
    "error.ops.conv_variants.int": {
        "en": "{who}: {name} must be an int, got {got}",
        "ko": "{who}: {name}은(는) 정수 하나여야 합니다. 받은 값: {got}",
    },
    "error.ops.conv_variants.padding_1d": {
        "en": "{who}: padding must be an int or (left, right), got {got}",
        "ko": "{who}: padding은 정수 하나이거나 (left, right) 쌍이어야 합니다. 받은 값: {got}",
    },
    "error.ops.conv_variants.groups_one": {
        "en": "{who}: only groups=1 is supported, got groups={groups}",
        "ko": "{who}: groups=1만 지원합니다. 받은 값: groups={groups}",
    },
    "error.ops.conv_variants.transpose_rank": {
        "en": "{who}: expected input (batch, channels, height, width) and kernel (in_channels, out_channels, kh, kw), got {shape} and {kernel}",
        "ko": "{who}: 입력은 (batch, channels, height, width), 커널은 (in_channels, out_channels, kh, kw) 모양이어야 합니다. 받은 모양: 입력 {shape}, 커널 {kernel}",
    },
    "error.ops.conv_variants.transpose_channels": {
        "en": "{who}: kernel {kernel} expects {c} input channels, got input of shape {shape}",
        "ko": "{who}: 커널 {kernel}에는 입력 채널이 {c}개여야 합니다. 받은 입력의 모양: {shape}",
    },
    "error.ops.conv_variants.padding_negative": {
        "en": "{who}: padding and output_padding must be >= 0",
        "ko": "{who}: padding과 output_padding은 0 이상이어야 합니다",
    },
    "error.ops.conv_variants.output_padding": {
        "en": "{who}: output_padding {got} must be smaller than stride or dilation",
        "ko": "{who}: output_padding {got}은(는) stride나 dilation보다 작아야 합니다",
    },
    "error.ops.conv_variants.no_output": {
        "en": "{who}: padding {crop} leaves no output for input {shape} and kernel {kernel}",
        "ko": "{who}: padding {crop}을(를) 적용하면 입력 {shape}와(과) 커널 {kernel}에서 출력이 하나도 남지 않습니다",
    },
    "error.conv_extra.groups_filters": {
        "en": "Conv1D: groups={groups} must divide filters={filters}",
        "ko": "Conv1D: filters={filters}이(가) groups={groups}(으)로 나누어떨어져야 합니다",
    },
    "error.conv_extra.groups_channels": {
        "en": "Conv1D '{name}': groups={groups} must divide {c} channels",
        "ko": "Conv1D '{name}': 입력 채널 수 {c}이(가) groups={groups}(으)로 나누어떨어져야 합니다",
    },
    "error.conv_extra.output_padding": {
        "en": "Conv2DTranspose: output_padding {got} must be smaller than strides {strides}",
        "ko": "Conv2DTranspose: output_padding {got}은(는) strides {strides}보다 작아야 합니다",
    },
    "error.conv_extra.interpolation": {
        "en": "UpSampling2D: interpolation must be 'nearest' or 'bilinear', got {got}",
        "ko": "UpSampling2D: interpolation은 'nearest'나 'bilinear'여야 합니다. 받은 값: {got}",
    },
    "error.functional.dim": {
        "en": "{who}: pass dim= (the axis to normalize over)",
        "ko": "{who}: 정규화할 축을 dim=으로 지정하세요",
    },
    "error.functional.linear_weight": {
        "en": "linear: weight must be (out_features, in_features), got {shape}",
        "ko": "linear: weight의 모양은 (out_features, in_features)여야 합니다. 받은 모양: {shape}",
    },
    "error.functional.return_indices": {
        "en": "max_pool2d: return_indices is not supported",
        "ko": "max_pool2d: return_indices는 지원하지 않습니다",
    },
    "error.functional.normalized_shape": {
        "en": "layer_norm: normalized_shape {want} does not match the end of input {shape}",
        "ko": "layer_norm: normalized_shape {want}이(가) 입력 {shape}의 마지막 축들과 맞지 않습니다",
    },
    "error.functional.running_stats": {
        "en": "batch_norm: evaluation needs running_mean and running_var",
        "ko": "batch_norm: 평가할 때(training=False)는 running_mean과 running_var가 있어야 합니다",
    },
    "error.functional.reduction": {
        "en": "{who}: reduction must be 'mean', 'sum' or 'none', got {got}",
        "ko": "{who}: reduction은 'mean', 'sum', 'none' 중 하나여야 합니다. 받은 값: {got}",
    },
    "error.functional.nll_target": {
        "en": "nll_loss: target must hold integer class indices",
        "ko": "nll_loss: target에는 정수 클래스 번호가 들어 있어야 합니다",
    },
    "error.functional.label_smoothing": {
        "en": "cross_entropy: label_smoothing must be in [0, 1], got {got}",
        "ko": "cross_entropy: label_smoothing은 [0, 1] 범위여야 합니다. 받은 값: {got}",
    },
    "error.functional.target_shape": {
        "en": "{who}: target {target} must match input {shape}",
        "ko": "{who}: target의 모양 {target}이(가) 입력의 모양 {shape}과(와) 다릅니다. 둘이 같아야 합니다",
    },
    "error.functional.kl_reduction": {
        "en": "kl_div: unknown reduction {got}",
        "ko": "kl_div: 알 수 없는 reduction {got}입니다. 'mean', 'sum', 'none', 'batchmean' 중 하나를 쓰세요",
    },
    "error.variable.initializer_shape": {
        "en": "Variable {name}: an initializer ({init}) needs a shape",
        "ko": "Variable {name}: 초기화 방법({init})으로 만들려면 shape도 주어야 합니다",
    },
    "error.variable.shape_mismatch": {
        "en": "Variable {name}: shape {shape} given for a value of shape {got}",
        "ko": "Variable {name}: 주어진 shape {shape}이(가) 값의 모양 {got}과(와) 다릅니다",
    },
    "error.variable.not_numbers": {
        "en": "Variable {name}: {what} expected numbers, got dtype {dtype}",
        "ko": "Variable {name}: {what}에는 숫자가 와야 합니다. 받은 dtype: {dtype}",
    },
    "error.variable.dtype": {
        "en": "Variable {name}: {what} cannot put values of dtype {dtype} into a variable of dtype {own}",
        "ko": "Variable {name}: {what}: dtype이 {dtype}인 값은 dtype이 {own}인 변수에 넣을 수 없습니다",
    },
    "error.variable.shape": {
        "en": "Variable {name}: {what} expected a value of shape {own}, got shape {shape}",
        "ko": "Variable {name}: {what}에는 모양이 {own}인 값이 와야 합니다. 받은 모양: {shape}",
    },
    "error.backend.device": {
        "en": "device: expected 'cpu' or 'cuda' (e.g. 'cuda:0'), got {got}",
        "ko": "device: 장치는 'cpu'나 'cuda'(예: 'cuda:0')여야 합니다. 받은 값: {got}",
    },
    "error.backend.no_cupy": {
        "en": "device 'cuda': CuPy is not installed ({reason}); {install}, then restart Python",
        "ko": "device 'cuda': CuPy가 설치되어 있지 않습니다({reason}). 다음 명령으로 설치한 뒤 Python을 다시 시작하세요: {install}",
    },
    "error.backend.cuda_unusable": {
        "en": "device 'cuda': CuPy is installed but CUDA is not usable ({reason}); check the NVIDIA driver (nvidia-smi) and that the CuPy wheel matches it: {install}",
        "ko": "device 'cuda': CuPy는 설치되어 있지만 CUDA를 쓸 수 없습니다({reason}). NVIDIA 드라이버(nvidia-smi)를 확인하고, 설치한 CuPy 휠이 그 드라이버에 맞는지 확인하세요: {install}",
    },
    "error.backend.no_device": {
        "en": "device 'cuda': CuPy found no CUDA device on this machine",
        "ko": "device 'cuda': CuPy가 이 컴퓨터에서 CUDA 장치를 찾지 못했습니다",
    },
    "error.backend.allocator_tuning": {
        "en": "set_allocator_tuning: enabled must be True or False, got {got} ({kind})",
        "ko": "set_allocator_tuning: enabled는 True나 False여야 합니다. 받은 값: {got} ({kind})",
    },
    "error.batching.empty_structure": {
        "en": "an empty structure of inputs holds no samples",
        "ko": "입력 구조가 비어 있어서 샘플이 하나도 없습니다",
    },
    "error.batching.batch_tuple": {
        "en": "a batch must be (x, y) or (x, y, sample_weight), got a tuple of {n}",
        "ko": "배치는 (x, y)나 (x, y, sample_weight)여야 합니다. 받은 것: 원소가 {n}개인 튜플",
    },
    "error.batching.steps": {
        "en": "{who}: steps must be >= 1, got {steps}",
        "ko": "{who}: steps는 1 이상이어야 합니다. 받은 값: {steps}",
    },
    "error.batching.nonfinite": {
        "en": "{who}: {what} contains NaN or infinite values",
        "ko": "{who}: {what}에 NaN이나 무한대 값이 들어 있습니다",
    },
    "error.activations.unknown": {
        "en": "unknown activation {got}; expected one of {names}",
        "ko": "알 수 없는 활성함수 {got}입니다. 다음 중 하나여야 합니다: {names}",
    },
    "error.activations.uninterpretable": {
        "en": "cannot interpret {got} as an activation",
        "ko": "{got}을(를) 활성함수로 해석할 수 없습니다. 활성함수의 이름(예: 'relu')이나 함수를 주세요",
    },
    "error.activations.unregistered": {
        "en": "activation {got} is not registered, so the model cannot be saved",
        "ko": "활성함수 {got}이(가) 등록되어 있지 않아서 모델을 저장할 수 없습니다",
    },
    "error.random.seed_type": {
        "en": "seed must be a whole number >= 0, a numpy Generator or None, got {got}",
        "ko": "seed는 0 이상의 정수, numpy Generator, None 중 하나여야 합니다. 받은 값: {got}",
    },
    "error.random.seed_negative": {
        "en": "seed must be a whole number >= 0, got {got}",
        "ko": "seed는 0 이상의 정수여야 합니다. 받은 값: {got}",
    },
    "error.random.seed_invalid": {
        "en": "seed must be a whole number >= 0 (or a list of them): {reason}",
        "ko": "seed는 0 이상의 정수(또는 그런 정수의 리스트)여야 합니다: {reason}",
    },
    "error.gradcheck.dtype": {
        "en": "gradcheck: input of dtype {dtype}; use float64 (float32 rounding swamps the finite differences)",
        "ko": "gradcheck: 입력의 dtype이 {dtype}입니다. float64를 쓰세요(float32의 반올림 오차가 유한차분의 값을 덮어 버립니다)",
    },
    "error.gradcheck.mismatch": {
        "en": "gradcheck: input {k} (shape {shape}): analytic and numerical gradients differ; worst at index {index}: analytic {analytic:.8g}, numerical {numerical:.8g}",
        "ko": "gradcheck: 입력 {k}(모양 {shape})의 해석적 기울기와 수치 기울기가 다릅니다. 가장 크게 다른 곳은 인덱스 {index}입니다: 해석적 기울기 {analytic:.8g}, 수치 기울기 {numerical:.8g}",
    },
    "error.graphviz.not_tensor": {
        "en": "trace: expected a Tensor, got {kind}",
        "ko": "trace: Tensor가 와야 합니다. 받은 것: {kind}",
    },
    "error.graphviz.freed": {
        "en": "trace: this graph was already freed by backward(); trace it before",
        "ko": "trace: 이 계산 그래프는 backward()가 이미 해제했습니다. backward()를 부르기 전에 trace하세요",
    },
    "error.graphviz.no_graph": {
        "en": "trace: this tensor was not made by an operation on tensors that require grad; there is no graph to draw",
        "ko": "trace: 이 텐서는 requires_grad=True인 텐서로 연산해서 만든 것이 아니어서 그릴 계산 그래프가 없습니다",
    },
    "error.plot.no_matplotlib": {
        "en": "{who}: figures need matplotlib: {install}",
        "ko": "{who}: 그림을 그리려면 matplotlib이 필요합니다: {install}",
    },
    "error.plot.history_type": {
        "en": "plot_history: expected a History or a dict of lists, got {kind}",
        "ko": "plot_history: History나 리스트를 값으로 하는 dict가 와야 합니다. 받은 것: {kind}",
    },
    "error.plot.nothing": {
        "en": "plot_history: nothing to plot; the history has keys {keys}",
        "ko": "plot_history: 그릴 것이 없습니다. history에 있는 키: {keys}",
    },
    "error.plot.confusion_square": {
        "en": "plot_confusion_matrix: expected a square matrix, got shape {shape}",
        "ko": "plot_confusion_matrix: 정사각 행렬이어야 합니다. 받은 모양: {shape}",
    },
    "error.plot.class_names": {
        "en": "plot_confusion_matrix: {c} classes but {n} class names",
        "ko": "plot_confusion_matrix: 클래스는 {c}개인데 클래스 이름은 {n}개입니다",
    },
    "error.plot.flat_not_square": {
        "en": "{who}: flat rows of {n} values are not square images; pass (N, H, W) arrays",
        "ko": "{who}: 값이 {n}개인 평평한 행은 정사각형 이미지로 만들 수 없습니다. (N, H, W) 배열을 주세요",
    },
    "error.plot.images_shape": {
        "en": "{who}: expected (N, H, W), (N, C, H, W) or (N, H*W), got {shape}",
        "ko": "{who}: 이미지의 모양은 (N, H, W), (N, C, H, W), (N, H*W) 중 하나여야 합니다. 받은 모양: {shape}",
    },
    "error.plot.no_images": {
        "en": "plot_images: no images to show",
        "ko": "plot_images: 보여 줄 이미지가 없습니다",
    },
    "error.plot.weights_not_square": {
        "en": "plot_weights: {n} inputs are not a square image; pass image_shape",
        "ko": "plot_weights: 입력 {n}개로는 정사각형 이미지를 만들 수 없습니다. image_shape를 주세요",
    },
    "error.plot.image_shape": {
        "en": "plot_weights: image_shape {got} does not match {n} inputs",
        "ko": "plot_weights: image_shape {got}이(가) 입력 {n}개와 맞지 않습니다",
    },
    "error.plot.kernel_rank": {
        "en": "plot_weights: expected a 2-D or 4-D kernel, got shape {shape}",
        "ko": "plot_weights: 커널은 2차원이나 4차원이어야 합니다. 받은 모양: {shape}",
    },
    # ---- errors (MitbadakError(key=...)): convolution and pooling layer arguments ----
    "error.conv_args.int": {
        "en": "{who}: {name} must be an int, got {got}",
        "ko": "{who}: {name}은(는) 정수 하나여야 합니다. 받은 값: {got}",
    },
    "error.conv_args.int_or_pair": {
        "en": "{who}: {name} must be an int or a pair of ints, got {got}",
        "ko": "{who}: {name}은(는) 정수 하나이거나 정수 두 개로 된 쌍이어야 합니다. 받은 값: {got}",
    },
    "error.conv_args.int_or_ints": {
        "en": "{who}: {name} must be an int or {n} ints, got {got}",
        "ko": "{who}: {name}은(는) 정수 하나이거나 정수 {n}개여야 합니다. 받은 값: {got}",
    },
    "error.conv_args.padding_modes_or_ints": {
        "en": "{who}: padding must be {modes} or ints, got {got!r}",
        "ko": "{who}: padding은 {modes} 중 하나이거나 정수여야 합니다. 받은 값: {got!r}",
    },
    "error.conv_args.padding_ints": {
        "en": "{who}: padding must be ints, got {got!r}",
        "ko": "{who}: padding은 정수로 주어야 합니다. 받은 값: {got!r}",
    },
    "error.conv_args.padding_modes": {
        "en": "{who}: padding must be {modes} or {last}, got {got!r}",
        "ko": "{who}: padding은 {modes}, {last} 중 하나여야 합니다. 받은 값: {got!r}",
    },
    "error.conv_args.padding_mode": {
        "en": "{who}: padding must be {mode}, got {got!r}",
        "ko": "{who}: padding에는 {mode}만 쓸 수 있습니다. 받은 값: {got!r}",
    },
    "error.conv_args.rank_image_first": {
        "en": "{layer} '{name}': expected a {rank}-D input of shape (batch, channels, height, width), got {shape}",
        "ko": "{layer} '{name}': 입력은 (배치, 채널, 높이, 너비) 모양의 {rank}차원 배열이어야 합니다. 받은 입력의 모양: {shape}",
    },
    "error.conv_args.rank_image_last": {
        "en": "{layer} '{name}': expected a {rank}-D input of shape (batch, height, width, channels), got {shape}",
        "ko": "{layer} '{name}': 입력은 (배치, 높이, 너비, 채널) 모양의 {rank}차원 배열이어야 합니다. 받은 입력의 모양: {shape}",
    },
    "error.conv_args.rank_length_first": {
        "en": "{layer} '{name}': expected a {rank}-D input of shape (batch, channels, length), got {shape}",
        "ko": "{layer} '{name}': 입력은 (배치, 채널, 길이) 모양의 {rank}차원 배열이어야 합니다. 받은 입력의 모양: {shape}",
    },
    "error.conv_args.rank_length_last": {
        "en": "{layer} '{name}': expected a {rank}-D input of shape (batch, length, channels), got {shape}",
        "ko": "{layer} '{name}': 입력은 (배치, 길이, 채널) 모양의 {rank}차원 배열이어야 합니다. 받은 입력의 모양: {shape}",
    },
    "error.pooling1d.rank_steps_last": {
        "en": "{layer} '{name}': expected a 3-D input (batch, steps, features), got {shape}",
        "ko": "{layer} '{name}': 입력은 (배치, 시점, 특성) 모양의 3차원 배열이어야 합니다. 받은 입력의 모양: {shape}",
    },
    "error.pooling1d.rank_steps_first": {
        "en": "{layer} '{name}': expected a 3-D input (batch, features, steps), got {shape}",
        "ko": "{layer} '{name}': 입력은 (배치, 특성, 시점) 모양의 3차원 배열이어야 합니다. 받은 입력의 모양: {shape}",
    },
    # ---- errors (MitbadakError(key=...)): the command line, files, data, option checks ----
    "error.lang": {
        "en": "unknown language {lang!r} (from {source}); expected one of {expected}",
        "ko": "알 수 없는 언어 {lang!r}({source}에서 지정). 다음 중 하나여야 합니다: {expected}",
    },
    "error.message.unknown": {
        "en": "message: no message {name!r}",
        "ko": "message: 메시지 표에 {name!r} 항목이 없습니다",
    },
    "error.validate.must_be": {
        "en": "{who}: {name} must be {want}, got {got}",
        "ko": "{who}: {name}은(는) {want}이어야 합니다. 받은 값: {got}",
    },
    "error.validate.whole": {
        "en": "a whole number",
        "ko": "정수",
    },
    "error.validate.finite": {
        "en": "a finite number",
        "ko": "유한한 숫자",
    },
    "error.validate.number": {
        "en": "a number",
        "ko": "숫자",
    },
    "error.validate.interval": {
        "en": "{what} in {interval}",
        "ko": "{interval} 범위의 {what}",
    },
    "error.validate.at_least": {
        "en": "{what} >= {bound}",
        "ko": "{bound} 이상의 {what}",
    },
    "error.validate.above": {
        "en": "{what} > {bound}",
        "ko": "{bound}보다 큰 {what}",
    },
    "error.validate.at_most": {
        "en": "{what} <= {bound}",
        "ko": "{bound} 이하의 {what}",
    },
    "error.validate.below": {
        "en": "{what} < {bound}",
        "ko": "{bound}보다 작은 {what}",
    },
    "error.validate.or_none": {
        "en": "{what} or None",
        "ko": "{what} 또는 None",
    },
    "error.validate.true_or_false": {
        "en": "True or False",
        "ko": "True 또는 False",
    },
    "error.validate.callable": {
        "en": "callable",
        "ko": "함수(호출할 수 있는 객체)",
    },
    "error.validate.array_like": {
        "en": "array-like",
        "ko": "배열로 바꿀 수 있는 값(배열, 리스트, 숫자)",
    },
    "error.validate.one_of": {
        "en": "{who}: {name} must be one of {choices}; got {got}",
        "ko": "{who}: {name}은(는) 다음 중 하나여야 합니다: {choices}. 받은 값: {got}",
    },
    "error.validate.returned_value": {
        "en": "the value returned by {name}",
        "ko": "{name}이(가) 돌려준 값",
    },
    "error.validate.returned_none": {
        "en": "{who}: {name} returned None; it must return an array",
        "ko": "{who}: {name}이(가) None을 돌려주었습니다. 배열을 돌려주어야 합니다",
    },
    "error.validate.ragged": {
        "en": "{who}: {name} is a ragged nested list (rows of different lengths); every row must have the same length",
        "ko": "{who}: {name}은(는) 행마다 길이가 다른 중첩 리스트입니다. 모든 행의 길이가 같아야 합니다",
    },
    "error.validate.not_numbers": {
        "en": "{who}: {name} cannot be read as numbers: {reason}",
        "ko": "{who}: {name}을(를) 숫자로 읽을 수 없습니다: {reason}",
    },
    "error.validate.not_array_of_numbers": {
        "en": "{who}: {name} must be array-like of numbers: {reason}",
        "ko": "{who}: {name}은(는) 숫자로 된 배열이어야 합니다: {reason}",
    },
    "error.validate.complex": {
        "en": "{who}: {name} is complex ({dtype}); mitbadak works on real numbers",
        "ko": "{who}: {name}은(는) 복소수({dtype})입니다. mitbadak은 실수만 다룹니다",
    },
    "error.validate.not_numeric": {
        "en": "{who}: {name} must hold numbers, got an array of dtype {dtype}",
        "ko": "{who}: {name}에는 숫자가 들어 있어야 합니다. 받은 것은 dtype이 {dtype}인 배열입니다",
    },
    "error.validate.not_numeric_mixed": {
        "en": "{who}: {name} must hold numbers, got an array of dtype {dtype} (mixed or non-numeric entries)",
        "ko": "{who}: {name}에는 숫자가 들어 있어야 합니다. 받은 것은 dtype이 {dtype}인 배열입니다(숫자가 아니거나 여러 종류가 섞인 항목이 있습니다)",
    },
    "error.validate.or": {
        "en": "{first} or {second}",
        "ko": "{first} 또는 {second}",
    },
    "error.validate.ndim": {
        "en": "{who}: {name} must have {want} dimensions, got shape {shape}",
        "ko": "{who}: {name}은(는) {want}차원이어야 합니다. 받은 모양: {shape}",
    },
    "error.validate.any_size": {
        "en": "any",
        "ko": "아무 크기",
    },
    "error.validate.shape": {
        "en": "{who}: {name} must have shape {want}, got {shape}",
        "ko": "{who}: {name}의 모양은 {want}이어야 합니다. 받은 모양: {shape}",
    },
    "error.validate.a_scalar": {
        "en": "a scalar",
        "ko": "스칼라",
    },
    "error.validate.n_rows": {
        "en": "{n} rows",
        "ko": "{n}행",
    },
    "error.validate.length": {
        "en": "{who}: {name} must have {length} rows (one per sample), got {got}",
        "ko": "{who}: {name}은(는) {length}행(샘플마다 한 행)이어야 합니다. 받은 것: {got}",
    },
    "error.validate.nonfinite": {
        "en": "{who}: {name} contains {bad} NaN or infinite value(s)",
        "ko": "{who}: {name}에 NaN 또는 무한대 값이 {bad}개 있습니다",
    },
    "error.cli.usage": {
        "en": "{prog}: error: {error} (see '{prog} --help')",
        "ko": "{prog}: 오류: {error} ('{prog} --help'로 사용법을 확인해 보세요)",
    },
    "error.cli.argument": {
        "en": "argument {name}: {error}",
        "ko": "{name} 인수: {error}",
    },
    "error.cli.argparse.invalid_choice": {
        "en": "invalid choice: {value} (choose from {choices})",
        "ko": "{value}은(는) 고를 수 있는 값이 아닙니다. 다음 중에서 고르세요: {choices}",
    },
    "error.cli.argparse.invalid_value": {
        "en": "invalid {kind} value: {value}",
        "ko": "{value}은(는) 올바른 {kind} 값이 아닙니다",
    },
    "error.cli.argparse.one_value": {
        "en": "expected one argument",
        "ko": "값이 하나 필요합니다",
    },
    "error.cli.argparse.at_most_one": {
        "en": "expected at most one argument",
        "ko": "값은 하나까지만 줄 수 있습니다",
    },
    "error.cli.argparse.at_least_one": {
        "en": "expected at least one argument",
        "ko": "값이 하나 이상 필요합니다",
    },
    "error.cli.argparse.n_values": {
        "en": "expected {n} arguments",
        "ko": "값이 {n}개 필요합니다",
    },
    "error.cli.argparse.ignored": {
        "en": "ignored explicit argument {value}",
        "ko": "이 옵션은 값을 받지 않으므로 {value}을(를) 쓸 수 없습니다",
    },
    "error.cli.argparse.not_allowed": {
        "en": "not allowed with argument {other}",
        "ko": "{other} 인수와 함께 쓸 수 없습니다",
    },
    "error.cli.argparse.unrecognized": {
        "en": "unrecognized arguments: {args}",
        "ko": "알 수 없는 인수입니다: {args}",
    },
    "error.cli.argparse.required": {
        "en": "the following arguments are required: {args}",
        "ko": "다음 인수가 필요합니다: {args}",
    },
    "error.cli.argparse.one_required": {
        "en": "one of the arguments {args} is required",
        "ko": "다음 인수 중 하나가 필요합니다: {args}",
    },
    "error.cli.argparse.ambiguous": {
        "en": "ambiguous option: {option} could match {matches}",
        "ko": "{option}은(는) 여러 옵션으로 읽힐 수 있습니다: {matches}",
    },
    "error.cli.positive_int": {
        "en": "expected a positive integer, got {text!r}",
        "ko": "양의 정수여야 합니다. 받은 값: {text!r}",
    },
    "error.cli.positive_number": {
        "en": "expected a positive number, got {text!r}",
        "ko": "양수여야 합니다. 받은 값: {text!r}",
    },
    "error.cli.unit_number": {
        "en": "expected a number in [0, 1), got {text!r}",
        "ko": "[0, 1) 범위의 숫자여야 합니다. 받은 값: {text!r}",
    },
    "error.cli.whole_number": {
        "en": "expected a whole number, got {text!r}",
        "ko": "정수여야 합니다. 받은 값: {text!r}",
    },
    "error.cli.sizes": {
        "en": "expected sizes like 128,64",
        "ko": "128,64처럼 쉼표로 구분한 층의 크기여야 합니다",
    },
    "error.cli.non_negative": {
        "en": "expected a number >= 0, got {text!r}",
        "ko": "0 이상의 숫자여야 합니다. 받은 값: {text!r}",
    },
    "error.cli.schedule": {
        "en": "unknown schedule {name!r}; expected one of {choices}",
        "ko": "알 수 없는 학습률 스케줄 {name!r}입니다. 다음 중 하나여야 합니다: {choices}",
    },
    "error.cli.key_number": {
        "en": "expected key=number in {text!r}",
        "ko": "{text!r}에는 key=숫자 꼴로 적어야 합니다",
    },
    "error.cli.port": {
        "en": "--port: expected a number from 0 to 65535, got {port}",
        "ko": "--port: 0부터 65535 사이의 숫자여야 합니다. 받은 값: {port}",
    },
    "error.cli.saved_metadata": {
        "en": "{path}: saved metadata",
        "ko": "{path}: 저장된 메타데이터",
    },
    "error.cli.model_on_data": {
        "en": "{model} on {dataset}",
        "ko": "{model}({dataset} 데이터)",
    },
    "error.cli.input_shape": {
        "en": "{where}: the model expects inputs of shape {want}, the data has samples of shape {got}",
        "ko": "{where}: 모델은 모양이 {want}인 입력을 받는데, 데이터의 샘플 모양은 {got}입니다",
    },
    "error.cli.no_augment": {
        "en": "--augment: this version of mitbadak has no data.augment",
        "ko": "--augment: 이 버전의 mitbadak에는 data.augment가 없습니다",
    },
    "error.cli.schedule_args": {
        "en": "--lr-schedule {name}: {reason}",
        "ko": "--lr-schedule {name}: 스케줄에 줄 수 없는 인수입니다({reason})",
    },
    "error.cli.out_is_dir": {
        "en": "--out {out}: is a directory; give a file name such as {out}/model.npz",
        "ko": "--out {out}: 폴더입니다. {out}/model.npz처럼 파일 이름을 주세요",
    },
    "error.cli.unknown_dataset": {
        "en": "unknown data set {dataset!r} in {model}; pass {option}",
        "ko": "{model}에 적힌 데이터 세트 {dataset!r}을(를) 알 수 없습니다. {option}으로 데이터 세트를 지정하세요",
    },
    "error.cli.give_model": {
        "en": "give a MODEL file or --model NAME (a pretrained model)",
        "ko": "MODEL 파일이나 --model NAME(사전 학습된 모델)을 주세요",
    },
    "error.cli.need_model": {
        "en": "{who}: give a MODEL file or --model NAME (a pretrained model)",
        "ko": "{who}: MODEL 파일이나 --model NAME(사전 학습된 모델)을 주세요",
    },
    "error.cli.model_and_file": {
        "en": "evaluate: --model {name} takes no MODEL file (got {got!r})",
        "ko": "evaluate: --model {name}을(를) 쓸 때는 MODEL 파일을 줄 수 없습니다(받은 것: {got!r})",
    },
    "error.cli.download_failed": {
        "en": "not found, and the download failed",
        "ko": "찾지 못했고 내려받기도 실패했습니다",
    },
    "error.cli.test_set_missing": {
        "en": "evaluate --model {name}: the {subdir} test set is not available ({reason}); set MITBADAK_DATA to a folder holding {subdir}/ with its four IDX files, or connect to the internet to download them into {cache}",
        "ko": "evaluate --model {name}: {subdir} 테스트 세트를 쓸 수 없습니다({reason}). IDX 파일 네 개가 든 {subdir}/ 폴더가 있는 곳을 MITBADAK_DATA로 지정하거나, 인터넷에 연결해 {cache}에 내려받으세요",
    },
    "error.cli.give_images": {
        "en": "give a MODEL file then the IMAGEs, or --model NAME then the IMAGEs (got only {got!r})",
        "ko": "MODEL 파일 다음에 IMAGE들을 주거나, --model NAME 다음에 IMAGE들을 주세요(받은 것은 {got!r} 하나뿐입니다)",
    },
    "error.cli.give_image": {
        "en": "give at least one IMAGE after the model",
        "ko": "모델 다음에 IMAGE를 하나 이상 주세요",
    },
    "error.cli.no_such_file": {
        "en": "{path}: no such file",
        "ko": "{path}: 파일이 없습니다",
    },
    "error.cli.bad_npy": {
        "en": "{path}: not a readable .npy array ({reason})",
        "ko": "{path}: 읽을 수 있는 .npy 배열이 아닙니다({reason})",
    },
    "error.cli.npy_dtype": {
        "en": "{path}: expected a numeric array, got dtype {dtype}",
        "ko": "{path}: 숫자 배열이어야 합니다. 받은 배열의 dtype: {dtype}",
    },
    "error.cli.bad_image": {
        "en": "{path}: not a readable image ({reason})",
        "ko": "{path}: 읽을 수 있는 이미지가 아닙니다({reason})",
    },
    "error.cli.this_kind": {
        "en": "this",
        "ko": "이런",
    },
    "error.cli.image_reader": {
        "en": "{path}: reading {suffix} images needs Pillow or matplotlib (pip install pillow); .npy files always work",
        "ko": "{path}: {suffix} 이미지를 읽으려면 Pillow나 matplotlib이 필요합니다(pip install pillow). .npy 파일은 언제든 읽을 수 있습니다",
    },
    "error.cli.image_shape": {
        "en": "{path}: image of shape {shape}; the model expects {want} ({size} values)",
        "ko": "{path}: 이미지의 모양이 {shape}입니다. 모델에는 {want} 모양(값 {size}개)이 들어가야 합니다",
    },
    "error.cli.resize": {
        "en": "{path}: the image is {width}x{height}, the model expects {want_width}x{want_height}; resizing needs Pillow (pip install pillow)",
        "ko": "{path}: 이미지 크기는 {width}x{height}인데 모델에는 {want_width}x{want_height}가 들어가야 합니다. 크기를 바꾸려면 Pillow가 필요합니다(pip install pillow)",
    },
    "error.os.with_path": {
        "en": "{reason}: {path}",
        "ko": "경로 {path}: {reason}",
    },
    "error.os.other": {
        "en": "{strerror}",
        "ko": "운영체제 오류: {strerror}",
    },
    "error.os.enoent": {
        "en": "No such file or directory",
        "ko": "파일이나 폴더가 없습니다",
    },
    "error.os.eacces": {
        "en": "Permission denied",
        "ko": "권한이 없습니다",
    },
    "error.os.eperm": {
        "en": "Operation not permitted",
        "ko": "허용되지 않는 작업입니다",
    },
    "error.os.eisdir": {
        "en": "Is a directory",
        "ko": "파일이 아니라 폴더입니다",
    },
    "error.os.enotdir": {
        "en": "Not a directory",
        "ko": "폴더가 아닙니다",
    },
    "error.os.enospc": {
        "en": "No space left on device",
        "ko": "디스크에 남은 공간이 없습니다",
    },
    "error.os.eexist": {
        "en": "File exists",
        "ko": "파일이 이미 있습니다",
    },
    "error.os.erofs": {
        "en": "Read-only file system",
        "ko": "읽기 전용 파일 시스템이라 쓸 수 없습니다",
    },
    "error.os.enametoolong": {
        "en": "File name too long",
        "ko": "파일 이름이 너무 깁니다",
    },
    "error.io.object_array": {
        "en": "save: array {name!r} has dtype object, which cannot be saved safely",
        "ko": "save: 배열 {name!r}의 dtype이 object라서 안전하게 저장할 수 없습니다",
    },
    "error.io.no_such_file": {
        "en": "{path}: no such file",
        "ko": "{path}: 파일이 없습니다",
    },
    "error.io.not_npz": {
        "en": "{path}: not a mitbadak file (not an .npz archive)",
        "ko": "{path}: mitbadak 파일이 아닙니다(.npz 압축 파일이 아닙니다)",
    },
    "error.io.unreadable": {
        "en": "{path}: not a readable mitbadak file ({reason})",
        "ko": "{path}: 읽을 수 있는 mitbadak 파일이 아닙니다({reason})",
    },
    "error.io.no_header": {
        "en": "{path}: no mitbadak header; not a file saved by mitbadak",
        "ko": "{path}: mitbadak 헤더가 없습니다. mitbadak으로 저장한 파일이 아닙니다",
    },
    "error.io.not_plain_array": {
        "en": "{path}: entry {name!r} is not a plain array; corrupt file",
        "ko": "{path}: 항목 {name!r}이(가) 보통의 배열이 아닙니다. 손상된 파일입니다",
    },
    "error.io.not_real": {
        "en": "{path}: entry {name!r} has dtype {dtype}; mitbadak files hold real numbers",
        "ko": "{path}: 항목 {name!r}의 dtype이 {dtype}입니다. mitbadak 파일에는 실수만 들어 있어야 합니다",
    },
    "error.io.header_bytes": {
        "en": "{path}: corrupt header (expected UTF-8 bytes)",
        "ko": "{path}: 헤더가 손상되었습니다(UTF-8 바이트여야 합니다)",
    },
    "error.io.header_corrupt": {
        "en": "{path}: corrupt header ({reason})",
        "ko": "{path}: 헤더가 손상되었습니다({reason})",
    },
    "error.io.header_not_object": {
        "en": "{path}: corrupt header (not a JSON object)",
        "ko": "{path}: 헤더가 손상되었습니다(JSON 객체가 아닙니다)",
    },
    "error.io.not_built": {
        "en": "{who}: the model is not built yet; call it on a batch first",
        "ko": "{who}: 모델이 아직 만들어지지 않았습니다. 먼저 배치 하나로 모델을 호출해 보세요",
    },
    "error.io.not_model_file": {
        "en": "{path}: not a mitbadak model file (format {format!r})",
        "ko": "{path}: mitbadak 모델 파일이 아닙니다(형식 {format!r})",
    },
    "error.io.newer_version": {
        "en": "{path}: format version {version!r} is newer than this mitbadak reads ({supported}); upgrade mitbadak",
        "ko": "{path}: 파일 형식 버전 {version!r}은(는) 이 mitbadak이 읽을 수 있는 버전({supported})보다 새롭습니다. mitbadak을 업그레이드하세요",
    },
    "error.io.optimizer_state": {
        "en": "invalid optimizer state",
        "ko": "옵티마이저 상태가 올바르지 않습니다",
    },
    "error.io.optimizer_no_params": {
        "en": "the file holds an optimizer state but the model has no parameters",
        "ko": "파일에는 옵티마이저 상태가 있지만 모델에는 파라미터가 없습니다",
    },
    "error.io.training_state": {
        "en": "invalid training state",
        "ko": "학습 상태가 올바르지 않습니다",
    },
    "error.io.random_state": {
        "en": "invalid random state {name!r}",
        "ko": "난수 상태 {name!r}이(가) 올바르지 않습니다",
    },
    "error.io.random_states": {
        "en": "the file holds random states for {saved}, the model has {model}",
        "ko": "파일에는 {saved}의 난수 상태가 있는데, 모델에는 {model}이(가) 있습니다",
    },
    "error.io.layer_random_state": {
        "en": "invalid random state of layer {name!r}",
        "ko": "층 {name!r}의 난수 상태가 올바르지 않습니다",
    },
    "error.io.weight_count": {
        "en": "the file holds {n_file} weights, the model has {n}",
        "ko": "파일에는 가중치가 {n_file}개 있는데, 모델에는 {n}개 있습니다",
    },
    "error.io.weight_names": {
        "en": "the file's weights {names} are not the model's",
        "ko": "파일의 가중치 {names}은(는) 이 모델의 가중치가 아닙니다",
    },
    "error.io.how_to_register": {
        "en": "decorate the class with @mitbadak.registry.register_serializable('layers') (a class defined at module level, importable before load_model) and give it get_config() returning its constructor arguments, or save only the weights (save_weights)",
        "ko": "클래스에 @mitbadak.registry.register_serializable('layers')를 붙이고(모듈 최상위에 정의해 load_model 전에 import할 수 있어야 합니다) 생성자 인수를 돌려주는 get_config()를 만들어 주세요. 아니면 가중치만 저장하세요(save_weights)",
    },
    "error.io.registered_elsewhere": {
        "en": "save: model '{name}' of class {cls} cannot be rebuilt from its file: the name {short!r} is registered for another class; {how}",
        "ko": "save: {cls} 클래스의 모델 '{name}'은(는) 파일에서 다시 만들 수 없습니다. 이름 {short!r}이(가) 다른 클래스로 등록되어 있습니다. {how}",
    },
    "error.io.config_missing": {
        "en": "save: model '{name}' of class {cls} cannot be rebuilt from its file: its constructor needs {missing}, which get_config() does not return; {how}",
        "ko": "save: {cls} 클래스의 모델 '{name}'은(는) 파일에서 다시 만들 수 없습니다. 생성자에 {missing}이(가) 필요한데 get_config()가 그것을 돌려주지 않습니다. {how}",
    },
    "error.io.weights_file": {
        "en": "a weights file (save_weights)",
        "ko": "가중치 파일(save_weights)",
    },
    "error.io.no_model": {
        "en": "no model",
        "ko": "모델 없음",
    },
    "error.io.no_architecture": {
        "en": "{path}: {what}: it holds no architecture; build the model in code and call model.load_weights(path)",
        "ko": "{path}: {what}: 모델 구조가 들어 있지 않습니다. 코드로 모델을 만든 다음 model.load_weights(path)를 호출하세요",
    },
    "error.io.bad_description": {
        "en": "{path}: invalid model description ({kind}: {reason})",
        "ko": "{path}: 모델 설명이 올바르지 않습니다({kind}: {reason})",
    },
    "error.io.weights_mismatch": {
        "en": "{path}: weights do not fit the model ({reason})",
        "ko": "{path}: 가중치가 모델에 맞지 않습니다({reason})",
    },
    "error.safetensors.dtype": {
        "en": "safetensors: tensor {name!r} has dtype {dtype}, which the format cannot hold (expected one of {choices})",
        "ko": "safetensors: 텐서 {name!r}의 dtype {dtype}은(는) 이 형식에 담을 수 없습니다(다음 중 하나여야 합니다: {choices})",
    },
    "error.safetensors.tensors_dict": {
        "en": "save_file: tensors must be a dict of arrays, got {kind}",
        "ko": "save_file: tensors는 배열을 담은 dict여야 합니다. 받은 것: {kind}",
    },
    "error.safetensors.metadata_dict": {
        "en": "save_file: metadata must be a dict of str to str",
        "ko": "save_file: metadata는 str 키와 str 값으로 된 dict여야 합니다",
    },
    "error.safetensors.tensor_name": {
        "en": "save_file: invalid tensor name {name!r}",
        "ko": "save_file: {name!r}은(는) 텐서 이름으로 쓸 수 없습니다",
    },
    "error.safetensors.invalid": {
        "en": "{path}: not a valid safetensors file ({detail})",
        "ko": "{path}: 올바른 safetensors 파일이 아닙니다({detail})",
    },
    "error.safetensors.too_small": {
        "en": "only {size} bytes, shorter than the 8-byte header size",
        "ko": "파일이 {size}바이트뿐이라 8바이트짜리 헤더 크기 정보보다 짧습니다",
    },
    "error.safetensors.header_too_big": {
        "en": "header of {n} bytes, more than {limit}",
        "ko": "헤더가 {n}바이트로, 한도 {limit}바이트보다 큽니다",
    },
    "error.safetensors.header_past_end": {
        "en": "header of {n} bytes, but the file has {size}",
        "ko": "헤더가 {n}바이트라는데 파일은 {size}바이트뿐입니다",
    },
    "error.safetensors.duplicate": {
        "en": "a name appears twice in the header",
        "ko": "헤더에 같은 이름이 두 번 나옵니다",
    },
    "error.safetensors.not_json": {
        "en": "header is not JSON: {reason}",
        "ko": "헤더가 JSON이 아닙니다: {reason}",
    },
    "error.safetensors.not_object": {
        "en": "header is not a JSON object",
        "ko": "헤더가 JSON 객체가 아닙니다",
    },
    "error.safetensors.metadata": {
        "en": "__metadata__ must map strings to strings",
        "ko": "__metadata__는 문자열 키에 문자열 값을 대응시켜야 합니다",
    },
    "error.safetensors.tensor": {
        "en": "tensor {name!r}: {problem}",
        "ko": "텐서 {name!r}: {problem}",
    },
    "error.safetensors.fields": {
        "en": "expected dtype, shape and data_offsets",
        "ko": "dtype, shape, data_offsets가 모두 있어야 합니다",
    },
    "error.safetensors.unsupported_dtype": {
        "en": "unsupported dtype {dtype!r}",
        "ko": "지원하지 않는 dtype {dtype!r}입니다",
    },
    "error.safetensors.shape": {
        "en": "shape {shape!r} is not a list of sizes",
        "ko": "shape {shape!r}이(가) 크기들의 리스트가 아닙니다",
    },
    "error.safetensors.offsets": {
        "en": "data_offsets {offsets!r} outside the {size} data bytes",
        "ko": "data_offsets {offsets!r}이(가) 데이터 {size}바이트를 벗어납니다",
    },
    "error.safetensors.bytes": {
        "en": "shape {shape} of {dtype} needs {need} bytes, data_offsets give {got}",
        "ko": "{dtype} 형식의 shape {shape}에는 {need}바이트가 필요한데, data_offsets가 가리키는 것은 {got}바이트입니다",
    },
    "error.safetensors.gap": {
        "en": "tensor {name!r} starts at byte {begin} of the data, expected {end}: tensors overlap or leave a gap",
        "ko": "텐서 {name!r}이(가) 데이터의 {begin}번째 바이트에서 시작하는데 {end}번째여야 합니다. 텐서끼리 겹치거나 사이에 빈틈이 있습니다",
    },
    "error.safetensors.cover": {
        "en": "the tensors cover {end} of the {size} data bytes",
        "ko": "텐서들이 데이터 {size}바이트 가운데 {end}바이트만 차지합니다",
    },
    "error.safetensors.truncated": {
        "en": "{path}: truncated safetensors file",
        "ko": "{path}: safetensors 파일이 중간에 잘렸습니다",
    },
    "error.safetensors.no_mitbadak_header": {
        "en": "{path}: a safetensors file without a mitbadak header (no __metadata__ '{entry}'); read its tensors with mitbadak.safetensors.load_file or mitbadak.interop.from_torch",
        "ko": "{path}: mitbadak 헤더가 없는 safetensors 파일입니다(__metadata__에 '{entry}' 항목이 없습니다). 텐서는 mitbadak.safetensors.load_file이나 mitbadak.interop.from_torch로 읽어 보세요",
    },
    "error.safetensors.corrupt_header": {
        "en": "{path}: corrupt mitbadak header ({reason})",
        "ko": "{path}: mitbadak 헤더가 손상되었습니다({reason})",
    },
    "error.safetensors.header_not_object": {
        "en": "{path}: corrupt mitbadak header (not a JSON object)",
        "ko": "{path}: mitbadak 헤더가 손상되었습니다(JSON 객체가 아닙니다)",
    },
    "error.registry.unknown_family": {
        "en": "registry: unknown family {family!r}; expected one of {families}",
        "ko": "registry: 알 수 없는 종류 {family!r}입니다. 다음 중 하나여야 합니다: {families}",
    },
    "error.registry.name": {
        "en": "registry: a name must be a non-empty string, got {name!r}",
        "ko": "registry: 이름은 비어 있지 않은 문자열이어야 합니다. 받은 값: {name!r}",
    },
    "error.registry.unknown": {
        "en": "unknown {kind} {name!r}; expected one of {names} (register your own with mitbadak.registry.register_serializable({family!r}))",
        "ko": "알 수 없는 {kind} {name!r}입니다. 다음 중 하나여야 합니다: {names} (직접 만든 것은 mitbadak.registry.register_serializable({family!r})로 등록하세요)",
    },
    "error.registry.no_config": {
        "en": "serialize: {cls} has no get_config()",
        "ko": "serialize: {cls}에는 get_config()가 없습니다",
    },
    "error.registry.bad_spec": {
        "en": "invalid {kind} spec {spec!r}: expected {{'class_name', 'config'}}",
        "ko": "{kind} 명세 {spec!r}이(가) 올바르지 않습니다. {{'class_name', 'config'}} 꼴이어야 합니다",
    },
    "error.registry.unknown_class": {
        "en": "unknown {kind} class {name!r}",
        "ko": "알 수 없는 {kind} 클래스 {name!r}입니다",
    },
    "error.registry.bad_config": {
        "en": "invalid config for {kind} {name!r}: {reason}",
        "ko": "{kind} {name!r}의 설정이 올바르지 않습니다: {reason}",
    },
    "error.registry.one.activations": {
        "en": "activation",
        "ko": "활성함수",
    },
    "error.registry.one.initializers": {
        "en": "initializer",
        "ko": "초기화 방법",
    },
    "error.registry.one.layers": {
        "en": "layer",
        "ko": "층",
    },
    "error.registry.one.losses": {
        "en": "loss",
        "ko": "손실함수",
    },
    "error.registry.one.metrics": {
        "en": "metric",
        "ko": "평가 지표",
    },
    "error.registry.one.optimizers": {
        "en": "optimizer",
        "ko": "옵티마이저",
    },
    "error.registry.one.regularizers": {
        "en": "regularizer",
        "ko": "규제",
    },
    "error.registry.one.schedules": {
        "en": "schedule",
        "ko": "학습률 스케줄",
    },
    "error.zoo.no_layer": {
        "en": "zoo: this version of mitbadak has no {name} layer",
        "ko": "zoo: 이 버전의 mitbadak에는 {name} 층이 없습니다",
    },
    "error.zoo.sizes": {
        "en": "{what} must be a list or tuple of sizes, got {value!r}",
        "ko": "{what}은(는) 크기들의 list나 tuple이어야 합니다. 받은 값: {value!r}",
    },
    "error.zoo.hidden_width": {
        "en": "hidden width",
        "ko": "은닉층 너비",
    },
    "error.zoo.widths": {
        "en": "build_mlp: widths must be >= 1, got {hidden} and {classes}",
        "ko": "build_mlp: 층의 너비는 1 이상이어야 합니다. 받은 값: {hidden}, {classes}",
    },
    "error.zoo.dropout": {
        "en": "{who}: dropout must be in [0, 1), got {dropout}",
        "ko": "{who}: dropout은 [0, 1) 범위여야 합니다. 받은 값: {dropout}",
    },
    "error.zoo.input_shape": {
        "en": "build_cnn: input_shape must be (channels, height, width), got {shape}",
        "ko": "build_cnn: input_shape은 (채널, 높이, 너비) 꼴이어야 합니다. 받은 값: {shape}",
    },
    "error.zoo.no_manifest": {
        "en": "{path}: missing; this installation has no pretrained models",
        "ko": "{path}: 파일이 없습니다. 이 설치본에는 사전 학습된 모델이 없습니다",
    },
    "error.zoo.bad_manifest": {
        "en": "{path}: not a readable manifest ({reason})",
        "ko": "{path}: 읽을 수 있는 모델 목록 파일(manifest)이 아닙니다({reason})",
    },
    "error.zoo.manifest_format": {
        "en": "{path}: expected format {format!r}",
        "ko": "{path}: 형식이 {format!r}이어야 합니다",
    },
    "error.zoo.manifest_models": {
        "en": "{path}: 'models' must map names to descriptions",
        "ko": "{path}: 'models'는 모델 이름마다 그 설명을 대응시켜야 합니다",
    },
    "error.zoo.unknown_model": {
        "en": "pretrained: unknown model {name!r}; expected one of {names}",
        "ko": "pretrained: 알 수 없는 모델 {name!r}입니다. 다음 중 하나여야 합니다: {names}",
    },
    "error.zoo.missing_file": {
        "en": "pretrained {name!r}: {path} is missing from this installation",
        "ko": "pretrained {name!r}: 이 설치본에 {path}이(가) 없습니다",
    },
    "error.zoo.checksum": {
        "en": "pretrained {name!r}: {path} has SHA-256 {digest}, the manifest says {expected}; the file is corrupt or was replaced (reinstall mitbadak)",
        "ko": "pretrained {name!r}: {path}의 SHA-256은 {digest}인데 모델 목록 파일에는 {expected}(으)로 적혀 있습니다. 파일이 손상되었거나 바뀌었습니다(mitbadak을 다시 설치하세요)",
    },
    "error.zoo.unknown_dataset": {
        "en": "pretrained {name!r}: unknown data set {dataset!r} in the manifest",
        "ko": "pretrained {name!r}: 모델 목록 파일에 적힌 데이터 세트 {dataset!r}을(를) 알 수 없습니다",
    },
    "error.data.no_samples": {
        "en": "{where}: expected at least one sample, got an array of shape {shape}",
        "ko": "{where}: 샘플이 하나 이상 있어야 합니다. 받은 배열의 모양: {shape}",
    },
    "error.data.inputs_nonfinite": {
        "en": "{where}: inputs contain NaN or infinite values",
        "ko": "{where}: 입력에 NaN 또는 무한대 값이 있습니다",
    },
    "error.data.targets_nonfinite": {
        "en": "{where}: targets contain NaN or infinite values",
        "ko": "{where}: 타깃에 NaN 또는 무한대 값이 있습니다",
    },
    "error.data.lengths": {
        "en": "{where}: x has {n} samples but y has {got}; they must match",
        "ko": "{where}: x에는 샘플이 {n}개 있는데 y는 {got}입니다. 둘의 샘플 수가 같아야 합니다",
    },
    "error.data.n_samples": {
        "en": "{n}",
        "ko": "{n}개",
    },
    "error.data.split_no_arrays": {
        "en": "train_test_split: give at least one array",
        "ko": "train_test_split: 배열을 하나 이상 주세요",
    },
    "error.data.split_lengths": {
        "en": "train_test_split: arrays have different lengths ({got} vs {n})",
        "ko": "train_test_split: 배열들의 길이가 서로 다릅니다({got}, {n})",
    },
    "error.data.split_test_size": {
        "en": "train_test_split: test_size must be in (0, 1), got {test_size}",
        "ko": "train_test_split: test_size는 (0, 1) 범위여야 합니다. 받은 값: {test_size}",
    },
    "error.data.split_count": {
        "en": "train_test_split: cannot take {n_test} test samples out of {n}",
        "ko": "train_test_split: 샘플 {n}개에서 테스트 샘플 {n_test}개를 떼어 낼 수 없습니다",
    },
    "error.data.batch_size": {
        "en": "DataLoader: batch_size must be >= 1, got {batch_size}",
        "ko": "DataLoader: batch_size는 1 이상이어야 합니다. 받은 값: {batch_size}",
    },
    "error.data.loader_y": {
        "en": "DataLoader: x has {n} samples but y has {got}",
        "ko": "DataLoader: x에는 샘플이 {n}개 있는데 y에는 {got}개 있습니다",
    },
    "error.data.loader_weights": {
        "en": "DataLoader: x has {n} samples but sample_weight {got}",
        "ko": "DataLoader: x에는 샘플이 {n}개 있는데 sample_weight에는 {got}개 있습니다",
    },
    "error.scalers.dtype": {
        "en": "{who}: expected a numeric array, got dtype {dtype}",
        "ko": "{who}: 숫자 배열이어야 합니다. 받은 배열의 dtype: {dtype}",
    },
    "error.scalers.not_2d": {
        "en": "{who}: expected a 2-D array (n_samples, n_features), got shape {shape}",
        "ko": "{who}: 2차원 배열 (n_samples, n_features)이어야 합니다. 받은 모양: {shape}",
    },
    "error.scalers.not_2d_1d": {
        "en": "{who}: expected a 2-D array (n_samples, n_features), got shape {shape} (use X.reshape(-1, 1) for a single feature)",
        "ko": "{who}: 2차원 배열 (n_samples, n_features)이어야 합니다. 받은 모양: {shape} (특성이 하나뿐이면 X.reshape(-1, 1)을 쓰세요)",
    },
    "error.scalers.empty": {
        "en": "{who}: expected at least one sample and one feature, got shape {shape}",
        "ko": "{who}: 샘플과 특성이 하나 이상씩 있어야 합니다. 받은 모양: {shape}",
    },
    "error.scalers.nonfinite": {
        "en": "{who}: expected finite values, got {value} at row {row}, column {column}; remove or impute NaN/inf before scaling",
        "ko": "{who}: 값이 모두 유한해야 하는데 {row}행 {column}열에 {value}이(가) 있습니다. 스케일링하기 전에 NaN/inf를 없애거나 다른 값으로 채우세요",
    },
    "error.scalers.not_fitted": {
        "en": "{who}: this scaler is not fitted yet; call fit(X_train) first",
        "ko": "{who}: 이 스케일러는 아직 학습(fit)되지 않았습니다. 먼저 fit(X_train)을 호출하세요",
    },
    "error.scalers.features": {
        "en": "{who}: expected {n} features (as in fit), got {got} (input shape {shape})",
        "ko": "{who}: fit 때와 같이 특성이 {n}개여야 하는데 {got}개입니다(입력 모양 {shape})",
    },
    "error.scalers.range_pair": {
        "en": "MinMaxScaler: feature_range must be a pair (lo, hi), got {value!r}",
        "ko": "MinMaxScaler: feature_range는 (lo, hi) 쌍이어야 합니다. 받은 값: {value!r}",
    },
    "error.scalers.range_order": {
        "en": "MinMaxScaler: feature_range must satisfy lo < hi, got {value!r}",
        "ko": "MinMaxScaler: feature_range는 lo < hi여야 합니다. 받은 값: {value!r}",
    },
    "error.augment.batch_shape": {
        "en": "{who}: expected a batch of shape (N, C, H, W), got {shape}",
        "ko": "{who}: 모양이 (N, C, H, W)인 배치여야 합니다. 받은 모양: {shape}",
    },
    "error.augment.range_kind": {
        "en": "{who}: {name} must be a number >= 0 or a pair (low, high), got {value!r}",
        "ko": "{who}: {name}은(는) 0 이상의 숫자나 (low, high) 쌍이어야 합니다. 받은 값: {value!r}",
    },
    "error.augment.range_order": {
        "en": "{who}: {name} range must have low <= high, got {value}",
        "ko": "{who}: {name} 범위는 low <= high여야 합니다. 받은 값: {value}",
    },
    "error.augment.interpolation": {
        "en": "affine_warp: interpolation must be 'bilinear' or 'nearest', got {value!r}",
        "ko": "affine_warp: interpolation은 'bilinear' 또는 'nearest'여야 합니다. 받은 값: {value!r}",
    },
    "error.augment.translate": {
        "en": "{who}: translate must be >= 0 or a pair (ty, tx), got {value}",
        "ko": "{who}: translate는 0 이상의 숫자나 (ty, tx) 쌍이어야 합니다. 받은 값: {value}",
    },
    "error.augment.zoom": {
        "en": "{who}: zoom must stay above 0, got range {value}",
        "ko": "{who}: zoom은 늘 0보다 커야 합니다. 받은 범위: {value}",
    },
    "error.augment.interpolation_choice": {
        "en": "{who}: interpolation must be 'bilinear' or 'nearest'",
        "ko": "{who}: interpolation은 'bilinear' 또는 'nearest'여야 합니다",
    },
    "error.augment.p": {
        "en": "{who}: p must be in [0, 1], got {p}",
        "ko": "{who}: p는 [0, 1] 범위여야 합니다. 받은 값: {p}",
    },
    "error.augment.std": {
        "en": "GaussianNoise: std must be >= 0, got {std}",
        "ko": "GaussianNoise: std는 0 이상이어야 합니다. 받은 값: {std}",
    },
    "error.augment.erasing": {
        "en": "RandomErasing: invalid scale {scale} or ratio {ratio}",
        "ko": "RandomErasing: scale {scale} 또는 ratio {ratio}이(가) 올바르지 않습니다",
    },
    "error.augment.normalize_std": {
        "en": "Normalize: std must be > 0, got {std}",
        "ko": "Normalize: std는 0보다 커야 합니다. 받은 값: {std}",
    },
    "error.augment.normalize_size": {
        "en": "Normalize: {name} has {size} values for {channels} channels",
        "ko": "Normalize: 채널은 {channels}개인데 {name}에는 값이 {size}개 있습니다",
    },
    "error.augment.not_transform": {
        "en": "Compose: {value!r} is not a transform (a callable)",
        "ko": "Compose: {value!r}은(는) 변환(호출할 수 있는 객체)이 아닙니다",
    },
    "error.augment.grid_square": {
        "en": "augment_grid: rows of {n} values are not square images",
        "ko": "augment_grid: 값 {n}개짜리 행은 정사각형 이미지가 될 수 없습니다",
    },
    "error.augment.grid_shape": {
        "en": "augment_grid: expected images (N, C, H, W), got {shape}",
        "ko": "augment_grid: (N, C, H, W) 모양의 이미지여야 합니다. 받은 모양: {shape}",
    },
    "error.augment.grid_n": {
        "en": "augment_grid: n must be >= 2, got {n}",
        "ko": "augment_grid: n은 2 이상이어야 합니다. 받은 값: {n}",
    },
    "error.augment.spec_kind": {
        "en": "from_spec: expected a string like 'shift=2,rotate=10', got {spec!r}",
        "ko": "from_spec: 'shift=2,rotate=10' 같은 문자열이어야 합니다. 받은 값: {spec!r}",
    },
    "error.augment.spec_unknown": {
        "en": "from_spec: unknown augmentation {name!r} in {spec!r}; known: {known}",
        "ko": "from_spec: {spec!r}에 있는 {name!r}은(는) 알 수 없는 데이터 증강입니다. 쓸 수 있는 것: {known}",
    },
    "error.augment.spec_value": {
        "en": "from_spec: bad value in {item!r}: {reason}",
        "ko": "from_spec: {item!r}의 값이 잘못되었습니다: {reason}",
    },
    "error.mnist.short_header": {
        "en": "{path}: too short for an IDX header: {n} bytes after decompression, expected at least 8",
        "ko": "{path}: IDX 헤더로 읽기에는 너무 짧습니다. 압축을 푼 뒤 {n}바이트뿐인데 8바이트 이상이어야 합니다",
    },
    "error.mnist.image_header": {
        "en": "{path}: IDX image header is truncated: expected 16 bytes, got {n}",
        "ko": "{path}: IDX 이미지 헤더가 잘렸습니다. 16바이트여야 하는데 {n}바이트입니다",
    },
    "error.mnist.image_size": {
        "en": "{path}: IDX image size is {rows}x{cols}",
        "ko": "{path}: IDX 이미지 크기가 {rows}x{cols}입니다(가로와 세로 모두 1 이상이어야 합니다)",
    },
    "error.mnist.magic": {
        "en": "{path}: not an IDX file of unsigned bytes: magic number {magic} ({hex}), expected {images} (images) or {labels} (labels)",
        "ko": "{path}: 부호 없는 바이트로 된 IDX 파일이 아닙니다. 매직 넘버가 {magic}({hex})인데 {images}(이미지) 또는 {labels}(레이블)이어야 합니다",
    },
    "error.mnist.too_big": {
        "en": "{path}: the IDX header declares {n} bytes of data, more than the {limit} this reader accepts; corrupt file",
        "ko": "{path}: IDX 헤더에 적힌 데이터 크기 {n}바이트가 이 리더가 받아들이는 한도 {limit}바이트보다 큽니다. 손상된 파일입니다",
    },
    "error.mnist.not_found": {
        "en": "{path}: file not found",
        "ko": "{path}: 파일을 찾을 수 없습니다",
    },
    "error.mnist.gzip_truncated": {
        "en": "{path}: gzip stream is truncated ({reason})",
        "ko": "{path}: gzip 스트림이 중간에 잘렸습니다({reason})",
    },
    "error.mnist.bad_gzip": {
        "en": "{path}: not a valid gzip file or corrupt ({reason})",
        "ko": "{path}: 올바른 gzip 파일이 아니거나 손상되었습니다({reason})",
    },
    "error.mnist.payload_extra": {
        "en": "{path}: payload has more than {expected} bytes but the header's {dims} needs exactly {expected} (extra bytes)",
        "ko": "{path}: 데이터가 {expected}바이트보다 많은데, 헤더의 {dims}에 따르면 정확히 {expected}바이트여야 합니다(남는 바이트가 있습니다)",
    },
    "error.mnist.payload_missing": {
        "en": "{path}: payload has {got} bytes but the header's {dims} needs exactly {expected} (missing bytes)",
        "ko": "{path}: 데이터가 {got}바이트인데, 헤더의 {dims}에 따르면 정확히 {expected}바이트여야 합니다(모자라는 바이트가 있습니다)",
    },
    "error.mnist.cannot_read": {
        "en": "{name}: cannot read {path}: {reason}",
        "ko": "{name}: {path}을(를) 읽을 수 없습니다: {reason}",
    },
    "error.mnist.whose": {
        "en": " (it is the {name} file {file})",
        "ko": " ({name} {file} 파일의 값)",
    },
    "error.mnist.checksum": {
        "en": "{name}: checksum mismatch for {path}: its sha256 is {actual}{whose}, expected {expected}. The file is corrupt, truncated or not the official {name} {file}; replace it (a file in the cache folder can simply be deleted and will be downloaded again), or pass verify=False if you re-compressed it yourself.",
        "ko": "{name}: {path}의 체크섬이 맞지 않습니다. sha256이 {expected}이어야 하는데 {actual}{whose}입니다. 파일이 손상되었거나 잘렸거나 공식 {name} {file}이(가) 아닙니다. 파일을 바꿔 넣거나(캐시 폴더의 파일은 지우기만 하면 다시 내려받습니다), 직접 다시 압축한 파일이라면 verify=False를 주세요.",
    },
    "error.mnist.download_checksum": {
        "en": "downloaded file has sha256 {actual}, expected {expected}",
        "ko": "내려받은 파일의 sha256이 {actual}인데 {expected}이어야 합니다",
    },
    "error.mnist.bad_path": {
        "en": "{name}: path={path!r} does not hold the four IDX files (missing: {missing}); expected {files} in that folder or in its {subdir}/ subfolder",
        "ko": "{name}: path={path!r}에 IDX 파일 네 개가 다 있지 않습니다(없는 파일: {missing}). 그 폴더나 그 안의 {subdir}/ 하위 폴더에 {files}이(가) 있어야 합니다",
    },
    "error.mnist.looked_env": {
        "en": "{env}={value}: neither {subfolder} nor the folder itself holds them",
        "ko": "{env}={value}: {subfolder}에도, 그 폴더 자체에도 파일이 없습니다",
    },
    "error.mnist.looked_unset": {
        "en": "{env}: not set",
        "ko": "{env}: 설정되어 있지 않습니다",
    },
    "error.mnist.looked_cache": {
        "en": "the cache folder {cache}: missing {missing}",
        "ko": "캐시 폴더 {cache}: {missing}이(가) 없습니다",
    },
    "error.mnist.download_off": {
        "en": "Downloading is off (download=False).",
        "ko": "내려받기가 꺼져 있습니다(download=False).",
    },
    "error.mnist.no_cache": {
        "en": "Cannot create the cache folder {cache}: {reason}",
        "ko": "캐시 폴더 {cache}을(를) 만들 수 없습니다: {reason}",
    },
    "error.mnist.download_failed": {
        "en": "Downloading {file} failed:\n{failures}",
        "ko": "{file}을(를) 내려받지 못했습니다:\n{failures}",
    },
    "error.mnist.not_found_help": {
        "en": "{name}: could not find the four IDX files {files}.\nLooked in:\n{looked}{reason}\nTo fix this, do one of:\n  - pass the folder holding the four files: {loader}(path='/folder/with/files');\n  - set the environment variable {env} to a folder with a {subdir}/ subfolder holding them (or to the folder holding them);\n  - copy the four files into the cache folder {cache};\n  - call {loader}(download=True) with internet access (mirrors: {mirrors}).",
        "ko": "{name}: IDX 파일 네 개({files})를 찾지 못했습니다.\n찾아본 곳:\n{looked}{reason}\n다음 가운데 한 가지를 해 보세요:\n  - 네 파일이 든 폴더를 알려 주세요: {loader}(path='/folder/with/files');\n  - 환경 변수 {env}을(를) 네 파일이 든 {subdir}/ 하위 폴더가 있는 폴더(또는 네 파일이 바로 든 폴더)로 지정하세요;\n  - 네 파일을 캐시 폴더 {cache}에 복사하세요;\n  - 인터넷에 연결된 상태에서 {loader}(download=True)를 호출하세요(미러: {mirrors}).",
    },
    "error.mnist.is_label_file": {
        "en": "{name}: {file} is a label file (shape {shape}), expected images",
        "ko": "{name}: {file}은(는) 레이블 파일입니다(모양 {shape}). 이미지 파일이어야 합니다",
    },
    "error.mnist.is_image_file": {
        "en": "{name}: {file} is an image file (shape {shape}), expected labels",
        "ko": "{name}: {file}은(는) 이미지 파일입니다(모양 {shape}). 레이블 파일이어야 합니다",
    },
    "error.mnist.image_pixels": {
        "en": "{name}: {file} holds images of {height}x{width} pixels, expected 28x28",
        "ko": "{name}: {file}의 이미지는 {height}x{width} 픽셀인데 28x28이어야 합니다",
    },
    "error.mnist.counts": {
        "en": "{name}: {images} has {n_images} images but {labels} has {n_labels} labels; they must match",
        "ko": "{name}: {images}에는 이미지가 {n_images}개, {labels}에는 레이블이 {n_labels}개 있습니다. 개수가 같아야 합니다",
    },
    "error.mnist.label_range": {
        "en": "{name}: {file} has label {label}, expected 0..9",
        "ko": "{name}: {file}에 레이블 {label}이(가) 있습니다. 레이블은 0..9여야 합니다",
    },
    "error.onnx.conv1d_padding": {
        "en": "to_onnx: Conv1D {name!r}: cannot export padding {padding!r}",
        "ko": "to_onnx: Conv1D {name!r}: padding {padding!r}은(는) 내보낼 수 없습니다",
    },
    "error.onnx.tensor_op": {
        "en": "to_onnx: {name!r}: tensor operation {op!r} is not exported",
        "ko": "to_onnx: {name!r}: 텐서 연산 {op!r}은(는) 내보내지 않습니다",
    },
    "error.onnx.outputs": {
        "en": "to_onnx: model {name!r} has {n} outputs; one is exported",
        "ko": "to_onnx: 모델 {name!r}의 출력이 {n}개입니다. 출력이 하나인 모델만 내보냅니다",
    },
    "error.onnx.call_kwargs": {
        "en": "to_onnx: layer {name!r} is called with {kwargs}; only plain calls are exported",
        "ko": "to_onnx: 층 {name!r}이(가) {kwargs}와(과) 함께 호출되었습니다. 추가 키워드 인수 없이 호출한 층만 내보냅니다",
    },
    "error.onnx.constants": {
        "en": "to_onnx: layer {name!r} is called on constants; not exported",
        "ko": "to_onnx: 층 {name!r}이(가) 상수에 대해 호출되었습니다. 이런 층은 내보내지 않습니다",
    },
    "error.onnx.several_tensors": {
        "en": "to_onnx: layer {name!r} returns several tensors",
        "ko": "to_onnx: 층 {name!r}이(가) 텐서를 여러 개 돌려줍니다",
    },
    "error.onnx.no_converter": {
        "en": "to_onnx: layer {name!r} of type {kind} has no ONNX converter; supported layers: {supported}",
        "ko": "to_onnx: {kind} 형식의 층 {name!r}은(는) ONNX로 바꿀 수 없습니다. 지원하는 층: {supported}",
    },
    "error.onnx.no_onnx": {
        "en": "to_onnx needs the 'onnx' package: pip install 'mitbadak[onnx]'",
        "ko": "to_onnx를 쓰려면 'onnx' 패키지가 필요합니다: pip install 'mitbadak[onnx]'",
    },
    "error.onnx.several_outputs": {
        "en": "to_onnx: layer {name!r} returns several outputs (return_state / merge_mode=None), which the export does not support",
        "ko": "to_onnx: 층 {name!r}이(가) 출력을 여러 개 돌려줍니다(return_state / merge_mode=None). 이런 층은 내보낼 수 없습니다",
    },
    "error.onnx.opset": {
        "en": "to_onnx: opset must be one of {supported}, got {opset!r}",
        "ko": "to_onnx: opset은 다음 중 하나여야 합니다: {supported}. 받은 값: {opset!r}",
    },
    "error.onnx.not_built": {
        "en": "to_onnx: the model is not built yet; call it on a batch (or model.build) first",
        "ko": "to_onnx: 모델이 아직 만들어지지 않았습니다. 먼저 배치 하나로 모델을 호출(또는 model.build)해 보세요",
    },
    "error.onnx.unregistered_activation": {
        "en": "to_onnx: layer {name!r} uses an unregistered activation {fn!r}; only the named ones export ({names})",
        "ko": "to_onnx: 층 {name!r}이(가) 등록되지 않은 활성함수 {fn!r}을(를) 씁니다. 이름이 있는 활성함수만 내보낼 수 있습니다({names})",
    },
    "error.onnx.activation": {
        "en": "to_onnx: layer {name!r}: activation {activation!r} has no ONNX form",
        "ko": "to_onnx: 층 {name!r}: 활성함수 {activation!r}은(는) ONNX로 나타낼 수 없습니다",
    },
    "error.onnx.layer_norm_axes": {
        "en": "to_onnx: LayerNormalization {name!r} normalizes axes {axes}; ONNX normalizes trailing axes only",
        "ko": "to_onnx: LayerNormalization {name!r}은(는) 축 {axes}을(를) 정규화합니다. ONNX는 마지막 축들만 정규화할 수 있습니다",
    },
    "error.onnx.not_recurrent": {
        "en": "to_onnx: {kind} is not a SimpleRNN, LSTM or GRU",
        "ko": "to_onnx: {kind}은(는) SimpleRNN, LSTM, GRU가 아닙니다",
    },
    "error.onnx.return_state": {
        "en": "to_onnx: recurrent layer {name!r}: return_state is not exported",
        "ko": "to_onnx: 순환층 {name!r}: return_state는 내보내지 않습니다",
    },
    "error.onnx.masked": {
        "en": "to_onnx: recurrent layer {name!r} reads a masked sequence (Embedding(mask_zero=True)); masks are not exported",
        "ko": "to_onnx: 순환층 {name!r}이(가) 마스크가 있는 시퀀스(Embedding(mask_zero=True))를 읽습니다. 마스크는 내보내지 않습니다",
    },
    "error.onnx.bidirectional": {
        "en": "to_onnx: Bidirectional {name!r}: only a forward layer with its mirrored copy",
        "ko": "to_onnx: Bidirectional {name!r}: 정방향 층과 그 층을 뒤집은 복사본으로 된 것만 내보낼 수 있습니다",
    },
    "error.onnx.merge_mode": {
        "en": "to_onnx: Bidirectional {name!r}: merge_mode None is not exported",
        "ko": "to_onnx: Bidirectional {name!r}: merge_mode None은 내보내지 않습니다",
    },
    "error.doctor.lang": {
        "en": "Doctor: lang must be one of {choices}, got {lang!r}",
        "ko": "Doctor: lang은 다음 중 하나여야 합니다: {choices}. 받은 값: {lang!r}",
    },
    "error.doctor.at_least_one": {
        "en": "Doctor: {name} must be >= 1, got {value}",
        "ko": "Doctor: {name}은(는) 1 이상이어야 합니다. 받은 값: {value}",
    },
    "error.doctor.on_finding": {
        "en": "Doctor: on_finding must be a function of one Finding",
        "ko": "Doctor: on_finding은 Finding 하나를 받는 함수여야 합니다",
    },
    "error.experiments.unknown_lesson": {
        "en": "unknown lesson {name!r}; expected one of {names} or 'all'",
        "ko": "알 수 없는 수업 {name!r}입니다. 다음 중 하나이거나 'all'이어야 합니다: {names}",
    },
    "error.keras.image_data_format": {
        "en": "set_image_data_format: expected 'channels_last' or 'channels_first', got {value!r}",
        "ko": "set_image_data_format: 'channels_last' 또는 'channels_first'여야 합니다. 받은 값: {value!r}",
    },
    "error.keras.floatx": {
        "en": "set_floatx: expected a float type, got {value!r}",
        "ko": "set_floatx: 부동소수점 형식이어야 합니다. 받은 값: {value!r}",
    },
    "error.keras.add_tensor": {
        "en": "Sequential.add: only keras.Input(...) tensors can be added",
        "ko": "Sequential.add: 텐서는 keras.Input(...)으로 만든 것만 추가할 수 있습니다",
    },
    "error.keras.input_first": {
        "en": "Sequential.add: an Input must come before every layer",
        "ko": "Sequential.add: Input은 다른 모든 층보다 먼저 와야 합니다",
    },
    "error.keras.labels_integers": {
        "en": "to_categorical: labels must be integers",
        "ko": "to_categorical: 레이블은 정수여야 합니다",
    },
    "error.keras.labels_negative": {
        "en": "to_categorical: labels must be >= 0, got {label}",
        "ko": "to_categorical: 레이블은 0 이상이어야 합니다. 받은 값: {label}",
    },
    "error.keras.label_too_big": {
        "en": "to_categorical: label {label} >= num_classes={n}",
        "ko": "to_categorical: 레이블 {label}은(는) num_classes={n}보다 작아야 합니다",
    },
    "error.keras.pad_choice": {
        "en": "pad_sequences: {name} must be 'pre' or 'post', got {value!r}",
        "ko": "pad_sequences: {name}은(는) 'pre' 또는 'post'여야 합니다. 받은 값: {value!r}",
    },
    "error.keras.pad_sequences": {
        "en": "pad_sequences: expected a list of sequences",
        "ko": "pad_sequences: 시퀀스들의 리스트여야 합니다",
    },
    "error.keras.not_implemented": {
        "en": "{module}.{name} is not implemented by mitbadak; {module} has: {names}",
        "ko": "mitbadak에는 {module}.{name}이(가) 구현되어 있지 않습니다. {module}에 있는 것: {names}",
    },
    "data.downloading": {
        "en": "mitbadak: downloading {url} to {cache}",
        "ko": "mitbadak: {url}을(를) {cache}에 내려받는 중입니다",
    },
    "cli.wrote": {
        "en": "wrote {path}",
        "ko": "저장함: {path}",
    },
    "cli.report_written": {
        "en": "report written to {page}",
        "ko": "보고서를 {page}에 저장했습니다",
    },
    "cli.lesson.no_matplotlib": {
        "en": "mitbadak: no figures will be drawn ({hint}); numbers only.",
        "ko": "mitbadak: 그림은 그리지 않고 숫자만 보고합니다({hint}).",
    },
    "cli.lesson.done": {
        "en": "{name}: done in {seconds:.1f}s, {figures} figure(s)",
        "ko": "{name}: {seconds:.1f}초 만에 끝났습니다(그림 {figures}개)",
    },
    "cli.lesson.all_done": {
        "en": "{n} lessons in {seconds:.1f}s; report: {index}",
        "ko": "수업 {n}개를 {seconds:.1f}초에 마쳤습니다. 보고서: {index}",
    },
    "cli.lesson.summary_head": {
        "en": "== {title} ({name}, {seconds:.1f}s)",
        "ko": "== {title} ({name}, {seconds:.1f}초)",
    },
    "cli.lesson.summary_claim": {
        "en": "claim: {claim}",
        "ko": "주장: {claim}",
    },
    "cli.train.epoch": {
        "en": "epoch {epoch:>3}/{epochs}  loss {loss:.4f}  acc {acc:.4f}",
        "ko": "에폭 {epoch:>3}/{epochs}  손실 {loss:.4f}  정확도 {acc:.4f}",
    },
    "cli.train.epoch_val": {
        "en": "  val_loss {val_loss:.4f}  val_acc {val_acc:.4f}",
        "ko": "  검증 손실 {val_loss:.4f}  검증 정확도 {val_acc:.4f}",
    },
    "cli.train.epoch_tail": {
        "en": "  lr {lr:.3g}  {seconds:.2f}s",
        "ko": "  학습률 {lr:.3g}  {seconds:.2f}초",
    },
    "cli.train.diverged": {
        "en": "training diverged at epoch {epoch} (loss is not finite); try a smaller --lr",
        "ko": "에폭 {epoch}에서 학습이 발산했습니다(손실이 유한한 값이 아닙니다). 더 작은 --lr로 다시 해 보세요",
    },
    "cli.train.done": {
        "en": "test accuracy {acc:.4f} on {n} images ({seconds:.1f}s); model saved to {out}",
        "ko": "테스트 정확도 {acc:.4f}(이미지 {n}개, {seconds:.1f}초). 모델을 {out}에 저장했습니다",
    },
    "doctor.none": {
        "en": "doctor: no problems found",
        "ko": "닥터: 문제를 찾지 못했습니다",
    },
    "doctor.finding": {
        "en": "doctor [{code}] epoch {epoch}: {message}\n    fix: {fix}",
        "ko": "닥터 [{code}] 에폭 {epoch}: {message}\n    처방: {fix}",
    },
    "lesson.perceptron-xor.gates_intro": {
        "en": "`mitbadak.classic.Perceptron` (the perceptron learning rule) on the logic gates:",
        "ko": "논리 게이트에 `mitbadak.classic.Perceptron`(퍼셉트론 학습 규칙)을 학습시킨 결과입니다:",
    },
    "lesson.perceptron-xor.col_gate": {
        "en": "gate",
        "ko": "게이트",
    },
    "lesson.perceptron-xor.col_accuracy": {
        "en": "training accuracy",
        "ko": "학습 정확도",
    },
    "lesson.perceptron-xor.col_epochs": {
        "en": "epochs",
        "ko": "에폭 수",
    },
    "lesson.perceptron-xor.why": {
        "en": "AND and OR are learned exactly. For XOR the rule never stops correcting: a half-plane cannot hold (0,1) and (1,0) while excluding (0,0) and (1,1) — the four inequalities w2+b > 0, w1+b > 0, b <= 0, w1+w2+b <= 0 contradict each other.",
        "ko": "AND와 OR는 정확히 학습됩니다. 그런데 XOR에서는 학습 규칙이 끝없이 가중치를 고치기만 합니다. 직선 하나로 나눈 반평면에 (0,1)과 (1,0)을 넣으면서 (0,0)과 (1,1)을 뺄 수는 없기 때문입니다. 네 부등식 w2+b > 0, w1+b > 0, b <= 0, w1+w2+b <= 0을 동시에 만족하는 가중치와 편향은 없습니다.",
    },
    "lesson.perceptron-xor.mlp": {
        "en": "An MLP 2-4-1 (tanh, then sigmoid) trained with Adam (lr 0.05) for {steps} full-batch steps on binary cross-entropy: final loss {loss:.4f}, outputs [{outputs}] for (0,0), (0,1), (1,0), (1,1), accuracy {acc_mlp:.2f} (the perceptron: {acc_p:.2f}). The hidden layer bends the input space so that one straight line in the hidden space separates the classes.",
        "ko": "다층 퍼셉트론 2-4-1(은닉층 tanh, 출력층 시그모이드)을 이진 교차 엔트로피 손실함수로 Adam(학습률 0.05)을 써서 전체 배치로 {steps}번 학습시켰습니다. 마지막 손실은 {loss:.4f}, (0,0), (0,1), (1,0), (1,1)에 대한 출력은 [{outputs}], 정확도는 {acc_mlp:.2f}입니다(퍼셉트론은 {acc_p:.2f}). 은닉층이 입력 공간을 휘어 놓기 때문에, 은닉층의 공간에서는 직선 하나로 두 클래스를 나눌 수 있게 됩니다.",
    },
    "lesson.perceptron-xor.fig_perceptron": {
        "en": "Perceptron: accuracy {acc:.2f}",
        "ko": "퍼셉트론: 정확도 {acc:.2f}",
    },
    "lesson.perceptron-xor.fig_mlp": {
        "en": "MLP 2-4-1: accuracy {acc:.2f}",
        "ko": "다층 퍼셉트론 2-4-1: 정확도 {acc:.2f}",
    },
    "lesson.perceptron-xor.fig_loss": {
        "en": "MLP training loss",
        "ko": "다층 퍼셉트론의 학습 손실",
    },
    "lesson.perceptron-xor.fig_step": {
        "en": "step",
        "ko": "학습 단계",
    },
    "lesson.perceptron-xor.caption": {
        "en": "decision regions on XOR",
        "ko": "XOR의 결정 영역",
    },
    "lesson.activations.none": {
        "en": "none",
        "ko": "없음",
    },
    "lesson.activations.backward_raises": {
        "en": "backward raises GraphError",
        "ko": "backward()에서 GraphError 발생",
    },
    "lesson.activations.intro": {
        "en": "Every derivative below was computed by mitbadak's autograd: `y = f(x)`, `y.sum().backward()`, then `x.grad` holds f'(x) at every point of the grid.",
        "ko": "아래 도함수는 모두 mitbadak의 자동미분으로 구했습니다. `y = f(x)`를 계산하고 `y.sum().backward()`를 호출하면 `x.grad`에 격자의 모든 점에서의 f'(x) 값이 들어갑니다.",
    },
    "lesson.activations.col_function": {
        "en": "function",
        "ko": "함수",
    },
    "lesson.activations.col_max": {
        "en": "max f'(x)",
        "ko": "f'(x)의 최댓값",
    },
    "lesson.activations.col_note": {
        "en": "note",
        "ko": "비고",
    },
    "lesson.activations.why_step": {
        "en": "**Why the step gives no gradient.** Its derivative is 0 for every x != 0 and does not exist at 0. A zero gradient says nothing about which way to move a weight, so no learning happens; mitbadak's `step` therefore refuses to backpropagate: `{note}`. Sigmoid was introduced as a smooth step whose slope (at most {max_sigmoid:.3f}) tells the weights which way to go.",
        "ko": "**계단함수에는 왜 기울기가 없을까요?** 계단함수의 도함수는 x != 0인 모든 곳에서 0이고, 0에서는 정의되지 않습니다. 기울기가 0이면 가중치를 어느 쪽으로 움직여야 할지 알려 주지 못하므로 학습이 일어나지 않습니다. 그래서 mitbadak의 `step`은 역전파를 거부합니다: `{note}`. 시그모이드는 계단함수를 매끄럽게 만든 함수로 도입되었고, 그 기울기(최대 {max_sigmoid:.3f})가 가중치가 움직일 방향을 알려 줍니다.",
    },
    "lesson.activations.saturation": {
        "en": "Sigmoid's slope is only {far_sigmoid:.2g} at |x| = 5 and tanh's {far_tanh:.2g}: saturated units pass almost no gradient, which is the root of the vanishing-gradient problem (see that lesson). ReLU's slope is exactly 1 for x > 0 but 0 for x < 0 (a \"dead\" unit); leaky ReLU ({leaky:.2g} at x = -2), ELU ({elu:.2g}) and GELU ({gelu:.2g}) keep some gradient there.",
        "ko": '|x| = 5에서 시그모이드의 기울기는 {far_sigmoid:.2g}, tanh의 기울기는 {far_tanh:.2g}에 불과합니다. 포화된 유닛은 기울기를 거의 전달하지 못하며, 이것이 기울기 소실 문제의 근본 원인입니다(기울기 소실 수업 참고). ReLU의 기울기는 x > 0에서 정확히 1이지만 x < 0에서는 0입니다("죽은" 유닛). leaky ReLU(x = -2에서 {leaky:.2g}), ELU({elu:.2g}), GELU({gelu:.2g})는 그 구간에서도 기울기를 조금 남깁니다.',
    },
    "lesson.activations.fig_autograd": {
        "en": "f'(x) (autograd)",
        "ko": "f'(x) (자동미분)",
    },
    "lesson.activations.fig_no_gradient": {
        "en": "f'(x) = 0 for x != 0:\nno gradient",
        "ko": "x != 0에서 f'(x) = 0:\n기울기 없음",
    },
    "lesson.activations.fig_all": {
        "en": "all derivatives",
        "ko": "모든 도함수",
    },
    "lesson.activations.caption": {
        "en": "activations and their derivatives",
        "ko": "활성함수와 그 도함수",
    },
    "lesson.weight-init.intro": {
        "en": "Input: {n} samples of {units} standard-normal features, through {layers} Dense layers of {units} units (no bias). *saturated* is the share of sigmoid outputs of layer 5 below 0.05 or above 0.95, where sigmoid's slope is under 0.05.",
        "ko": "입력은 표준정규분포를 따르는 특성 {units}개짜리 샘플 {n}개이고, 유닛 {units}개짜리 Dense 층 {layers}개(편향 없음)를 통과시킵니다. *포화*는 5번째 층의 시그모이드 출력 중 0.05보다 작거나 0.95보다 큰 비율로, 그곳에서는 시그모이드의 기울기가 0.05 미만입니다.",
    },
    "lesson.weight-init.col_activation": {
        "en": "activation",
        "ko": "활성함수",
    },
    "lesson.weight-init.col_init": {
        "en": "init",
        "ko": "초기화",
    },
    "lesson.weight-init.col_std1": {
        "en": "std layer 1",
        "ko": "1층 표준편차",
    },
    "lesson.weight-init.col_std5": {
        "en": "std layer 5",
        "ko": "5층 표준편차",
    },
    "lesson.weight-init.col_saturated": {
        "en": "saturated (sigmoid)",
        "ko": "포화(시그모이드)",
    },
    "lesson.weight-init.init_std": {
        "en": "std {std}",
        "ko": "표준편차 {std}",
    },
    "lesson.weight-init.explain": {
        "en": "With std 1, {sat:.0f}% of the sigmoid outputs are saturated and ReLU outputs explode (std {relu1:.3g} at layer 5). With std 0.01 every unit outputs nearly the same value: the std at layer 5 is {sig001:.2g} around 0.5 for sigmoid, {tanh001:.2g} for tanh and {relu001:.2g} for ReLU. Xavier (variance 2 / (fan_in + fan_out)) suits the symmetric sigmoid and tanh; He (variance 2 / fan_in) compensates for ReLU zeroing half its inputs and keeps the spread constant ({he:.3g} at layer 5).",
        "ko": "표준편차 1로 초기화하면 시그모이드 출력의 {sat:.0f}%가 포화되고, ReLU 출력은 폭발합니다(5층 표준편차 {relu1:.3g}). 표준편차 0.01이면 모든 유닛이 거의 같은 값을 냅니다. 5층의 표준편차가 시그모이드는 0.5 근처에서 {sig001:.2g}, tanh는 {tanh001:.2g}, ReLU는 {relu001:.2g}입니다. Xavier 초기화(분산 2 / (fan_in + fan_out))는 대칭인 시그모이드와 tanh에 맞고, He 초기화(분산 2 / fan_in)는 ReLU가 입력의 절반을 0으로 만드는 것을 보정해 퍼짐을 일정하게 유지합니다(5층에서 {he:.3g}).",
    },
    "lesson.weight-init.fig_layer": {
        "en": "layer {k}",
        "ko": "{k}층",
    },
    "lesson.weight-init.fig_title": {
        "en": "histograms of hidden activations (5 layers x 100 units)",
        "ko": "은닉층 활성값의 히스토그램(층 5개 x 유닛 100개)",
    },
    "lesson.weight-init.caption": {
        "en": "activation histograms per init",
        "ko": "초기화 방법별 활성값 히스토그램",
    },
    "lesson.weight-init.zero": {
        "en": "**Zero initialization.** A sigmoid network 64-32-32-10 with every weight 0 was trained for {steps} SGD steps on the digits. The first layer's weights did move (largest |w| = {moved:.3g}), but its 32 columns, one per hidden unit, are still identical: the largest difference between any unit's weights and unit 1's is {spread:.3g} (layer 2: {spread2:.3g}). Identical units receive identical gradients, so the symmetry is never broken and the layer behaves like a single neuron. Random initialization is what makes units different.",
        "ko": "**가중치를 모두 0으로 초기화하면.** 모든 가중치가 0인 시그모이드 신경망 64-32-32-10을 숫자 데이터로 SGD를 써서 {steps}번 갱신하며 학습시켰습니다. 첫 층의 가중치가 움직이기는 했지만(가장 큰 |w| = {moved:.3g}), 은닉 유닛마다 하나씩인 32개의 열은 여전히 똑같습니다. 모든 유닛의 가중치를 1번 유닛의 가중치와 비교한 차이 가운데 가장 큰 값이 {spread:.3g}입니다(2층: {spread2:.3g}). 똑같은 유닛은 똑같은 기울기를 받으므로 대칭이 깨지지 않고, 층 전체가 뉴런 하나처럼 행동합니다. 유닛들을 서로 다르게 만들어 주는 것이 바로 무작위 초기화입니다.",
    },
    "lesson.optimizers.bowl": {
        "en": "Each optimizer starts at (x, y) = {start} and takes {steps} steps; the gradient of `p[0]**2 / 20 + p[1]**2` comes from `backward()` on a 2-element Tensor `p`, and `opt.step()` moves it.",
        "ko": "옵티마이저마다 (x, y) = {start}에서 출발해 {steps}걸음을 갑니다. `p[0]**2 / 20 + p[1]**2`의 기울기는 원소 2개짜리 텐서 `p`에 `backward()`를 해서 얻고, `opt.step()`이 `p`를 움직입니다.",
    },
    "lesson.optimizers.col_optimizer": {
        "en": "optimizer",
        "ko": "옵티마이저",
    },
    "lesson.optimizers.col_options": {
        "en": "options",
        "ko": "설정",
    },
    "lesson.optimizers.col_flips": {
        "en": "y sign changes",
        "ko": "y의 부호가 바뀐 횟수",
    },
    "lesson.optimizers.col_length": {
        "en": "path length",
        "ko": "경로 길이",
    },
    "lesson.optimizers.col_final_f": {
        "en": "final f",
        "ko": "마지막 f",
    },
    "lesson.optimizers.digits": {
        "en": "The same MLP 64-64-10 (same initial weights) trained for {epochs} epochs on the digits ({n_train} training / {n_test} test images), batch 32, with each optimizer:",
        "ko": "같은 다층 퍼셉트론 64-64-10(초기 가중치도 같음)을 옵티마이저만 바꿔 가며 숫자 데이터(학습 {n_train}장 / 테스트 {n_test}장)로 배치 크기 32, {epochs}에폭 학습시켰습니다:",
    },
    "lesson.optimizers.col_train_loss": {
        "en": "final train loss",
        "ko": "마지막 학습 손실",
    },
    "lesson.optimizers.col_test_acc": {
        "en": "test accuracy",
        "ko": "테스트 정확도",
    },
    "lesson.optimizers.fig_steps": {
        "en": "{name} ({steps} steps)",
        "ko": "{name} ({steps}걸음)",
    },
    "lesson.optimizers.caption_paths": {
        "en": "optimizer paths on the bowl",
        "ko": "그릇 모양 함수 위의 옵티마이저 경로",
    },
    "lesson.optimizers.fig_loss": {
        "en": "training loss (digits)",
        "ko": "학습 손실(숫자 데이터)",
    },
    "lesson.optimizers.fig_acc": {
        "en": "test accuracy (digits)",
        "ko": "테스트 정확도(숫자 데이터)",
    },
    "lesson.optimizers.fig_epoch": {
        "en": "epoch",
        "ko": "에폭",
    },
    "lesson.optimizers.caption_curves": {
        "en": "loss curves per optimizer on digits",
        "ko": "숫자 데이터에서 옵티마이저별 손실 곡선",
    },
    "lesson.learning-rate.intro": {
        "en": "An MLP 64-64-10 (same initial weights each time), plain SGD, batch 32, {epochs} epochs on {n} digits; ln 10 = {ln10:.3f} is the loss of a uniform guess over 10 classes.",
        "ko": "다층 퍼셉트론 64-64-10(매번 같은 초기 가중치)을 기본 SGD, 배치 크기 32로 숫자 {n}장에 {epochs}에폭 학습시켰습니다. ln 10 = {ln10:.3f}은 10개 클래스를 똑같은 확률로 찍을 때의 손실입니다.",
    },
    "lesson.learning-rate.col_rate": {
        "en": "learning rate",
        "ko": "학습률의 크기",
    },
    "lesson.learning-rate.col_lr": {
        "en": "lr",
        "ko": "학습률(lr)",
    },
    "lesson.learning-rate.rate_too_small": {
        "en": "too small",
        "ko": "너무 작음",
    },
    "lesson.learning-rate.rate_good": {
        "en": "good",
        "ko": "적당함",
    },
    "lesson.learning-rate.rate_too_large": {
        "en": "too large",
        "ko": "너무 큼",
    },
    "lesson.learning-rate.fig_rate": {
        "en": "{label} (lr {lr})",
        "ko": "{label}(학습률 {lr})",
    },
    "lesson.learning-rate.col_loss1": {
        "en": "loss epoch 1",
        "ko": "1에폭 손실",
    },
    "lesson.learning-rate.col_max": {
        "en": "largest epoch loss",
        "ko": "가장 큰 에폭 손실",
    },
    "lesson.learning-rate.col_final": {
        "en": "final loss",
        "ko": "마지막 손실",
    },
    "lesson.learning-rate.col_test": {
        "en": "test accuracy",
        "ko": "테스트 정확도",
    },
    "lesson.learning-rate.schedules": {
        "en": "Schedules, all starting from lr {lr0} (SGD with momentum 0.9, a rate high enough to be noisy late in training), driven by the `LearningRateScheduler` and `ReduceLROnPlateau` callbacks of `fit`:",
        "ko": "이번에는 학습률 스케줄입니다. 모두 학습률 {lr0}에서 시작하며(모멘텀 0.9인 SGD로, 학습 후반에는 손실이 흔들릴 만큼 큰 값입니다), 학습률은 `fit`의 `LearningRateScheduler`와 `ReduceLROnPlateau` 콜백이 조절합니다:",
    },
    "lesson.learning-rate.col_schedule": {
        "en": "schedule",
        "ko": "스케줄",
    },
    "lesson.learning-rate.col_last_lr": {
        "en": "lr at the last epoch",
        "ko": "마지막 에폭의 학습률",
    },
    "lesson.learning-rate.col_train": {
        "en": "final train loss",
        "ko": "마지막 학습 손실",
    },
    "lesson.learning-rate.col_val": {
        "en": "final val loss",
        "ko": "마지막 검증 손실",
    },
    "lesson.learning-rate.sched_constant": {
        "en": "constant",
        "ko": "고정(감쇠 없음)",
    },
    "lesson.learning-rate.sched_step": {
        "en": "step decay (x0.5 every {every} epochs)",
        "ko": "계단식 감쇠({every}에폭마다 x0.5)",
    },
    "lesson.learning-rate.sched_exponential": {
        "en": "exponential decay (x0.8 per epoch)",
        "ko": "지수 감쇠(에폭마다 x0.8)",
    },
    "lesson.learning-rate.sched_plateau": {
        "en": "ReduceLROnPlateau (x0.5, patience 1)",
        "ko": "ReduceLROnPlateau(1에폭 정체 시 x0.5)",
    },
    "lesson.learning-rate.plateau": {
        "en": "ReduceLROnPlateau halved the rate after epochs {cuts}: each time the validation loss had not improved on its best for one epoch.",
        "ko": "ReduceLROnPlateau는 에폭 {cuts} 뒤에 학습률을 절반으로 줄였습니다. 검증 손실이 한 에폭 동안 그때까지의 최저값보다 낮아지지 않을 때마다 줄인 것입니다.",
    },
    "lesson.learning-rate.none": {
        "en": "none",
        "ko": "없음",
    },
    "lesson.learning-rate.fig_loss": {
        "en": "training loss",
        "ko": "학습 손실",
    },
    "lesson.learning-rate.fig_acc": {
        "en": "test accuracy",
        "ko": "테스트 정확도",
    },
    "lesson.learning-rate.fig_epoch": {
        "en": "epoch",
        "ko": "에폭",
    },
    "lesson.learning-rate.caption_rates": {
        "en": "too small, good, too large learning rates",
        "ko": "너무 작은, 적당한, 너무 큰 학습률",
    },
    "lesson.learning-rate.fig_lr": {
        "en": "learning rate per epoch",
        "ko": "에폭별 학습률",
    },
    "lesson.learning-rate.fig_val": {
        "en": "validation loss",
        "ko": "검증 손실",
    },
    "lesson.learning-rate.caption_schedules": {
        "en": "learning-rate schedules",
        "ko": "학습률 스케줄",
    },
    "lesson.overfitting.intro": {
        "en": "MLP 64-{width}-{width}-10, SGD (lr 0.05, momentum 0.9), batch 32, up to {epochs} epochs on {n_train} training digits; 400 other digits for validation (early stopping watches their loss) and 450 test digits. Losses are cross-entropy without penalties, measured in eval mode after training",
        "ko": "다층 퍼셉트론 64-{width}-{width}-10을 SGD(학습률 0.05, 모멘텀 0.9), 배치 크기 32로 학습용 숫자 {n_train}장에 최대 {epochs}에폭 학습시켰습니다. 다른 숫자 400장은 검증용(조기 종료가 이 손실을 지켜봅니다), 450장은 테스트용입니다. 손실은 규제 벌점을 뺀 교차 엔트로피이고, 학습이 끝난 뒤 평가 모드에서 쟀습니다",
    },
    "lesson.overfitting.intro_one": {
        "en": ".",
        "ko": ".",
    },
    "lesson.overfitting.intro_many": {
        "en": "; every number is the mean of {n} runs (seeds {seeds}, each with its own 60 training digits), the curves are those of the first run.",
        "ko": ". 모든 숫자는 {n}번 실행한 평균이고(시드 {seeds}, 실행마다 학습용 숫자 60장이 다릅니다), 곡선은 첫 번째 실행의 것입니다.",
    },
    "lesson.overfitting.col_remedy": {
        "en": "remedy",
        "ko": "처방",
    },
    "lesson.overfitting.col_epochs": {
        "en": "epochs",
        "ko": "에폭",
    },
    "lesson.overfitting.col_train_acc": {
        "en": "train acc",
        "ko": "학습 정확도",
    },
    "lesson.overfitting.col_test_acc": {
        "en": "test acc",
        "ko": "테스트 정확도",
    },
    "lesson.overfitting.col_acc_gap": {
        "en": "acc gap",
        "ko": "정확도 격차",
    },
    "lesson.overfitting.col_train_loss": {
        "en": "train loss",
        "ko": "학습 손실",
    },
    "lesson.overfitting.col_test_loss": {
        "en": "test loss",
        "ko": "테스트 손실",
    },
    "lesson.overfitting.col_loss_gap": {
        "en": "loss gap",
        "ko": "손실 격차",
    },
    "lesson.overfitting.remedy_none": {
        "en": "none (baseline)",
        "ko": "없음(기준)",
    },
    "lesson.overfitting.remedy_l2": {
        "en": "L2 (1e-2)",
        "ko": "L2 규제(1e-2)",
    },
    "lesson.overfitting.remedy_dropout": {
        "en": "dropout (0.2 inputs, 0.5 hidden)",
        "ko": "드롭아웃(입력 0.2, 은닉층 0.5)",
    },
    "lesson.overfitting.remedy_early_stopping": {
        "en": "early stopping",
        "ko": "조기 종료",
    },
    "lesson.overfitting.remedy_augmentation": {
        "en": "data augmentation",
        "ko": "데이터 증강",
    },
    "lesson.overfitting.aug_note": {
        "en": "*Data augmentation: {note}.*",
        "ko": "*데이터 증강: {note}.*",
    },
    "lesson.overfitting.aug_missing": {
        "en": "not available in this version (mitbadak.data.augment is missing)",
        "ko": "이 버전에서는 쓸 수 없습니다(mitbadak.data.augment가 없습니다)",
    },
    "lesson.overfitting.aug_shifts": {
        "en": "random shifts of up to 1 pixel (`mitbadak.data.augment.RandomShift`)",
        "ko": "최대 1픽셀까지 무작위로 이동(`mitbadak.data.augment.RandomShift`)",
    },
    "lesson.overfitting.relative": {
        "en": "Relative to the baseline's loss gap of {base:.3f}: {changes}. L2 keeps the weights small, dropout keeps units from co-adapting on the few examples, early stopping returns the weights of the epoch with the best validation loss, before memorization sets in.",
        "ko": "규제 없는 기준 신경망의 손실 격차 {base:.3f}에 비하면: {changes}. L2 규제는 가중치를 작게 유지하고, 드롭아웃은 유닛들이 몇 안 되는 예제에 함께 맞춰지는 것(공동 적응)을 막으며, 조기 종료는 외우기가 시작되기 전, 검증 손실이 가장 낮았던 에폭의 가중치로 되돌립니다.",
    },
    "lesson.overfitting.no_remedy": {
        "en": "no remedy",
        "ko": "없음",
    },
    "lesson.overfitting.better": {
        "en": "A smaller gap is not automatically a better test score: here {better} beat the baseline's test accuracy of {base_acc:.3f}; the others closed the gap partly by fitting the training set less tightly. Their strengths (L2 coefficient, dropout rate, patience) are hyper-parameters to tune on the validation set.",
        "ko": "격차가 작다고 테스트 점수가 저절로 좋아지는 것은 아닙니다. 기준 신경망의 테스트 정확도({base_acc:.3f})를 넘은 처방: {better}. 나머지는 학습 데이터에 덜 맞추는 방식으로 격차를 일부 줄였습니다. 처방의 세기(L2 계수, 드롭아웃 비율, 조기 종료의 patience)는 검증 데이터로 조정하는 하이퍼파라미터입니다.",
    },
    "lesson.overfitting.fig_train": {
        "en": "train loss",
        "ko": "학습 손실",
    },
    "lesson.overfitting.fig_val": {
        "en": "validation loss",
        "ko": "검증 손실",
    },
    "lesson.overfitting.fig_epoch": {
        "en": "epoch",
        "ko": "에폭",
    },
    "lesson.overfitting.fig_title": {
        "en": "cross-entropy without penalties, in eval mode; the shaded area is the generalization gap",
        "ko": "규제 벌점을 뺀 교차 엔트로피(평가 모드), 색칠한 부분이 일반화 격차",
    },
    "lesson.overfitting.caption": {
        "en": "train vs validation loss per remedy",
        "ko": "처방별 학습 손실과 검증 손실",
    },
    "lesson.batch-norm.intro": {
        "en": "MLP 64-(64)x4-10 with ReLU, plain SGD, batch 32, {epochs} epochs on {n} digits; the kernels are drawn from N(0, std^2). Accuracy after the last epoch (training accuracy is the mean over the epoch's batches, in training mode):",
        "ko": "ReLU를 쓰는 다층 퍼셉트론 64-(64)x4-10을 기본 SGD, 배치 크기 32로 숫자 {n}장에 {epochs}에폭 학습시켰습니다. 가중치는 N(0, std^2)에서 뽑습니다. 표는 마지막 에폭이 끝난 뒤의 정확도입니다(학습 정확도는 그 에폭의 배치들에서 학습 모드로 잰 값의 평균입니다):",
    },
    "lesson.batch-norm.col_lr": {
        "en": "lr",
        "ko": "학습률",
    },
    "lesson.batch-norm.col_std": {
        "en": "init std",
        "ko": "초기 표준편차",
    },
    "lesson.batch-norm.col_train_plain": {
        "en": "train acc, plain",
        "ko": "학습 정확도, BN 없음",
    },
    "lesson.batch-norm.col_train_bn": {
        "en": "train acc, BN",
        "ko": "학습 정확도, BN",
    },
    "lesson.batch-norm.col_test_plain": {
        "en": "test acc, plain",
        "ko": "테스트 정확도, BN 없음",
    },
    "lesson.batch-norm.col_test_bn": {
        "en": "test acc, BN",
        "ko": "테스트 정확도, BN",
    },
    "lesson.batch-norm.explain": {
        "en": "BatchNormalization gave the higher training accuracy in {wins} of {n} settings; its worst setting reached {worst_bn:.3f}, the plain network's worst {worst_plain:.3f}, and the plain network stayed near chance in {near_chance}. At high learning rates BN's *test* accuracy can lag its training accuracy: in eval mode it normalizes with running averages of the batch statistics, which trail weights that are still moving fast. Without BN, std 1 makes the activations explode layer after layer and std 0.01 makes them vanish (see the weight-init lesson); BN divides each unit by its batch standard deviation, so the scale of the weights no longer matters, and larger learning rates become usable.",
        "ko": "{n}가지 설정 중 {wins}가지에서 BatchNormalization을 쓴 쪽의 학습 정확도가 더 높았습니다. BN은 가장 나쁜 설정에서도 {worst_bn:.3f}에 도달했지만, BN이 없는 신경망은 가장 나쁜 설정에서 {worst_plain:.3f}에 그쳤고 {near_chance}가지 설정에서 우연 수준에 머물렀습니다. 학습률이 크면 BN의 *테스트* 정확도가 학습 정확도보다 뒤처질 수 있습니다. 평가 모드에서는 배치 통계의 이동 평균으로 정규화하는데, 이 평균이 아직 빠르게 움직이는 가중치를 늦게 따라가기 때문입니다. BN이 없으면 표준편차 1은 층을 지날 때마다 활성값을 폭발시키고 0.01은 사라지게 합니다(가중치 초기화 수업 참고). BN은 각 유닛을 배치의 표준편차로 나누므로 가중치의 크기가 더는 중요하지 않고, 더 큰 학습률도 쓸 수 있게 됩니다.",
    },
    "lesson.batch-norm.fig_with": {
        "en": "with BN",
        "ko": "BN 사용",
    },
    "lesson.batch-norm.fig_without": {
        "en": "without BN",
        "ko": "BN 없음",
    },
    "lesson.batch-norm.fig_cell": {
        "en": "lr {lr}, init std {std}",
        "ko": "학습률 {lr}, 초기 표준편차 {std}",
    },
    "lesson.batch-norm.fig_epoch": {
        "en": "epoch",
        "ko": "에폭",
    },
    "lesson.batch-norm.fig_train_acc": {
        "en": "train accuracy",
        "ko": "학습 정확도",
    },
    "lesson.batch-norm.caption": {
        "en": "training accuracy with and without BN",
        "ko": "BN이 있을 때와 없을 때의 학습 정확도",
    },
    "lesson.ensemble.intro": {
        "en": "{n} MLPs 64-32-10, identical except for the seed, each trained {epochs} epochs (SGD, lr 0.05, momentum 0.9) on {n_train} digits; {n_test} test images. The members disagree on {disagree:.1f}% of the test images.",
        "ko": "시드만 다르고 나머지는 똑같은 다층 퍼셉트론 64-32-10 {n}개를 각각 숫자 {n_train}장으로 {epochs}에폭(SGD, 학습률 0.05, 모멘텀 0.9) 학습시켰습니다. 테스트 이미지는 {n_test}장입니다. 구성원들은 테스트 이미지의 {disagree:.1f}%에서 서로 다르게 예측합니다.",
    },
    "lesson.ensemble.member": {
        "en": "member {k}",
        "ko": "구성원 {k}",
    },
    "lesson.ensemble.mean": {
        "en": "mean of members",
        "ko": "구성원 평균",
    },
    "lesson.ensemble.best": {
        "en": "best member",
        "ko": "가장 좋은 구성원",
    },
    "lesson.ensemble.vote": {
        "en": "majority vote",
        "ko": "다수결 투표",
    },
    "lesson.ensemble.average": {
        "en": "probability average",
        "ko": "확률 평균",
    },
    "lesson.ensemble.col_model": {
        "en": "model",
        "ko": "모델",
    },
    "lesson.ensemble.col_acc": {
        "en": "test accuracy",
        "ko": "테스트 정확도",
    },
    "lesson.ensemble.curve": {
        "en": "Test accuracy of the probability average of the first m members: {curve}.",
        "ko": "처음 m개 구성원의 확률을 평균했을 때의 테스트 정확도: {curve}.",
    },
    "lesson.ensemble.fig_each": {
        "en": "each member",
        "ko": "각 구성원",
    },
    "lesson.ensemble.fig_avg": {
        "en": "average of the first m members",
        "ko": "처음 m개 구성원의 평균",
    },
    "lesson.ensemble.fig_vote": {
        "en": "vote of all ({acc:.3f})",
        "ko": "전체 다수결 투표({acc:.3f})",
    },
    "lesson.ensemble.fig_x": {
        "en": "member / ensemble size m",
        "ko": "구성원 / 앙상블 크기 m",
    },
    "lesson.ensemble.caption": {
        "en": "members vs ensemble accuracy",
        "ko": "구성원과 앙상블의 정확도",
    },
    "lesson.width-vs-depth.intro": {
        "en": "MLPs trained {epochs} epochs with Adam (lr 0.003, batch 32) on {n_train} digits, tested on {n_test}. Wider: one hidden layer of w units.",
        "ko": "다층 퍼셉트론들을 Adam(학습률 0.003, 배치 크기 32)으로 숫자 {n_train}장에 {epochs}에폭 학습시키고 {n_test}장으로 테스트했습니다. 넓게: 유닛 w개짜리 은닉층 하나.",
    },
    "lesson.width-vs-depth.col_layers": {
        "en": "hidden layers",
        "ko": "은닉층",
    },
    "lesson.width-vs-depth.col_params": {
        "en": "parameters",
        "ko": "파라미터 수",
    },
    "lesson.width-vs-depth.col_train": {
        "en": "train accuracy",
        "ko": "학습 정확도",
    },
    "lesson.width-vs-depth.col_test": {
        "en": "test accuracy",
        "ko": "테스트 정확도",
    },
    "lesson.width-vs-depth.deeper": {
        "en": "Deeper: d hidden layers of 32 units.",
        "ko": "깊게: 유닛 32개짜리 은닉층 d개.",
    },
    "lesson.width-vs-depth.formula": {
        "en": "Parameter counts match the formula sum over layers of (fan_in + 1) x fan_out: {ok}. One hidden layer of w units has 64w + w + 10w + 10 = 75w + 10 parameters; each extra hidden layer of 32 adds 32 x 33 = 1056.",
        "ko": "파라미터 수가 공식(층마다 (fan_in + 1) x fan_out을 더한 값)과 일치하는지: {ok}. 유닛 w개짜리 은닉층 하나에는 64w + w + 10w + 10 = 75w + 10개의 파라미터가 있고, 유닛 32개짜리 은닉층을 하나 더할 때마다 32 x 33 = 1056개가 늘어납니다.",
    },
    "lesson.width-vs-depth.yes": {
        "en": "True",
        "ko": "예",
    },
    "lesson.width-vs-depth.no": {
        "en": "False",
        "ko": "아니요",
    },
    "lesson.width-vs-depth.fig_wider": {
        "en": "wider (1 hidden layer)",
        "ko": "넓게(은닉층 1개)",
    },
    "lesson.width-vs-depth.fig_deeper": {
        "en": "deeper (width 32)",
        "ko": "깊게(너비 32)",
    },
    "lesson.width-vs-depth.fig_depth": {
        "en": "{d}L",
        "ko": "{d}층",
    },
    "lesson.width-vs-depth.caption": {
        "en": "test accuracy vs parameters",
        "ko": "파라미터 수와 테스트 정확도",
    },
    "lesson.vanishing-gradients.layer": {
        "en": "layer {k}",
        "ko": "{k}층",
    },
    "lesson.vanishing-gradients.output": {
        "en": " (output)",
        "ko": " (출력층)",
    },
    "lesson.vanishing-gradients.intro": {
        "en": "A network of {depth} hidden Dense layers of {width} units plus a softmax output, before any training, on 256 digits: the norm of dLoss/dkernel per layer after one `backward()`.",
        "ko": "유닛 {width}개짜리 Dense 은닉층 {depth}개와 소프트맥스 출력층으로 된 신경망에서, 학습하기 전에 숫자 256장으로 `backward()`를 한 번 실행한 뒤 잰 층별 dLoss/dkernel의 노름입니다.",
    },
    "lesson.vanishing-gradients.col_layer": {
        "en": "layer",
        "ko": "층",
    },
    "lesson.vanishing-gradients.shrink": {
        "en": "From the last hidden layer back to the first the gradient shrinks by a factor {shrink:.3g} with sigmoid and changes by a factor {relu:.3g} with ReLU + He. Each sigmoid layer multiplies the backward signal by sigmoid'(z) <= 0.25, so the first layers barely learn.",
        "ko": "마지막 은닉층에서 첫 은닉층으로 거슬러 가는 동안 기울기가 시그모이드에서는 {shrink:.3g}분의 1로 줄어들고, ReLU + He에서는 {relu:.3g}배로 바뀔 뿐입니다. 시그모이드 층은 역전파 신호에 sigmoid'(z) <= 0.25를 곱하므로 앞쪽 층은 거의 학습되지 않습니다.",
    },
    "lesson.vanishing-gradients.trained": {
        "en": "Trained {epochs} epochs with SGD (lr 0.05, momentum 0.9): test accuracy {accs}.",
        "ko": "SGD(학습률 0.05, 모멘텀 0.9)로 {epochs}에폭 학습한 뒤의 테스트 정확도: {accs}.",
    },
    "lesson.vanishing-gradients.rnn": {
        "en": "Recurrent layers of 32 units read 64 random sequences of {steps} steps (8 features); the loss is the sum of the last output. Share of the gradient norm that reaches step 1 from step {steps}:",
        "ko": "유닛 32개짜리 순환 층이 길이 {steps}(특성 8개)인 무작위 시퀀스 64개를 읽습니다. 손실은 마지막 출력의 합입니다. 시점 {steps}의 기울기 노름 가운데 시점 1까지 도달하는 비율(시간에 따른 역전파):",
    },
    "lesson.vanishing-gradients.col_norm_last": {
        "en": "norm at step {steps}",
        "ko": "시점 {steps}의 노름",
    },
    "lesson.vanishing-gradients.col_norm_first": {
        "en": "norm at step 1",
        "ko": "시점 1의 노름",
    },
    "lesson.vanishing-gradients.col_kept": {
        "en": "kept (step 1 / last)",
        "ko": "남은 비율(시점 1 / 마지막)",
    },
    "lesson.vanishing-gradients.lstm_bias3": {
        "en": "LSTM, forget bias 3",
        "ko": "LSTM, 망각 편향 3",
    },
    "lesson.vanishing-gradients.lstm": {
        "en": "The SimpleRNN multiplies the gradient by W_hh^T diag(tanh') at every step back, so it decays geometrically. The LSTM's cell state is updated additively, c_t = f * c_(t-1) + i * g, so the gradient along it is multiplied only by the forget gate f: Keras' default forget bias of 1 keeps about sigmoid(1) = 0.73 per step, a bias of 3 about 0.95.",
        "ko": "SimpleRNN은 한 시점 거슬러 갈 때마다 기울기에 W_hh^T diag(tanh')를 곱하므로 기울기가 기하급수적으로 줄어듭니다. LSTM의 셀 상태는 c_t = f * c_(t-1) + i * g처럼 덧셈으로 갱신되므로, 이 경로를 따라가는 기울기에는 망각 게이트 f만 곱해집니다. Keras의 기본 망각 편향 1이면 한 시점마다 약 sigmoid(1) = 0.73이, 편향 3이면 약 0.95가 남습니다.",
    },
    "lesson.vanishing-gradients.fig_layer_x": {
        "en": "layer (1 = input side)",
        "ko": "층(1 = 입력 쪽)",
    },
    "lesson.vanishing-gradients.fig_layer_title": {
        "en": "gradient norm per layer, {depth} hidden layers",
        "ko": "층별 기울기 노름, 은닉층 {depth}개",
    },
    "lesson.vanishing-gradients.fig_time_x": {
        "en": "time step (loss at the last one)",
        "ko": "시점(손실은 마지막 시점)",
    },
    "lesson.vanishing-gradients.fig_time_title": {
        "en": "gradient norm per time step",
        "ko": "시점별 기울기 노름",
    },
    "lesson.vanishing-gradients.caption": {
        "en": "gradient norms per layer and per time step",
        "ko": "층별, 시점별 기울기 노름",
    },
    "lesson.computational-graph.trace": {
        "en": "`mitbadak.graphviz.trace(loss)` snapshots the graph (`mitbadak.tensor.iter_graph`) before `loss.backward()` frees it, and asks every intermediate tensor to keep its gradient; `to_dot()` then writes Graphviz DOT text where each ellipse is a tensor (value and dL/dtensor) and each box the operation that made it.",
        "ko": "`mitbadak.graphviz.trace(loss)`는 `loss.backward()`가 그래프를 지우기 전에 계산 그래프를 찍어 두고(`mitbadak.tensor.iter_graph`), 중간 텐서마다 기울기를 남겨 두게 합니다. 그다음 `to_dot()`이 Graphviz DOT 형식의 텍스트를 만듭니다. 타원은 텐서(값과, 그 텐서에 대한 손실의 기울기 dL/dt)를, 상자는 그 텐서를 만든 연산을 나타냅니다.",
    },
    "lesson.computational-graph.col_gradient": {
        "en": "gradient",
        "ko": "기울기",
    },
    "lesson.computational-graph.col_autograd": {
        "en": "autograd",
        "ko": "자동미분",
    },
    "lesson.computational-graph.col_hand": {
        "en": "chain rule by hand",
        "ko": "손으로 계산한 연쇄법칙",
    },
    "lesson.computational-graph.neuron_png": {
        "en": "![graph of a neuron with its gradients](neuron_graph.png)",
        "ko": "![뉴런 하나의 계산 그래프와 기울기](neuron_graph.png)",
    },
    "lesson.computational-graph.no_dot": {
        "en": "Graphviz's `dot` program is not installed, so the graphs were saved as text (`neuron_graph.dot`, `network_graph.dot`). Draw them with `dot -Tpng neuron_graph.dot -o neuron_graph.png` (Graphviz: `apt install graphviz`, `brew install graphviz` or `conda install graphviz`), or paste the text into any online Graphviz viewer. The neuron's graph:",
        "ko": "Graphviz의 `dot` 프로그램이 설치되어 있지 않아 그래프를 텍스트 파일(`neuron_graph.dot`, `network_graph.dot`)로 저장했습니다. `dot -Tpng neuron_graph.dot -o neuron_graph.png`로 그림을 그리거나(Graphviz 설치: `apt install graphviz`, `brew install graphviz`, `conda install graphviz`), 온라인 Graphviz 뷰어에 붙여 넣으세요. 뉴런 하나의 그래프:",
    },
    "lesson.computational-graph.steps": {
        "en": "**Backpropagation through a 2-3-2 network, step by step.** Each step takes the gradient arriving from above and multiplies it by the node's local derivative; the value computed by hand from the forward values is printed beside the one mitbadak's autograd stored (`retain_grad`).",
        "ko": "**2-3-2 신경망의 오차역전파법, 한 단계씩.** 각 단계는 위에서 내려온 기울기에 그 노드의 국소 미분을 곱합니다. 순전파 값으로 손으로 계산한 값과 mitbadak의 자동미분이 저장한 값(`retain_grad`)을 나란히 적었습니다.",
    },
    "lesson.computational-graph.network_png": {
        "en": "![graph of the 2-layer network](network_graph.png)",
        "ko": "![2층 신경망의 계산 그래프](network_graph.png)",
    },
    "lesson.computational-graph.worst": {
        "en": "Largest difference between hand and autograd gradients: {worst:.2e}.",
        "ko": "손으로 구한 기울기와 자동미분 기울기의 가장 큰 차이: {worst:.2e}.",
    },
    "lesson.computational-graph.network_title": {
        "en": "2-3-2 network, MSE loss",
        "ko": "2-3-2 신경망, 평균제곱오차 손실",
    },
    "lesson.computational-graph.trace_forward": {
        "en": "forward:",
        "ko": "순전파:",
    },
    "lesson.computational-graph.trace_target": {
        "en": "(target {target})",
        "ko": "(정답 target = {target})",
    },
    "lesson.computational-graph.trace_hand": {
        "en": "by hand",
        "ko": "손 계산",
    },
    "lesson.computational-graph.trace_autograd": {
        "en": "autograd",
        "ko": "자동미분",
    },
    "lesson.computational-graph.trace_difference": {
        "en": "(difference {d})",
        "ko": "(차이 {d})",
    },
    "lesson.computational-graph.trace_local": {
        "en": "local {formula}",
        "ko": "국소 미분 {formula}",
    },
    "lesson.computational-graph.trace_db2": {
        "en": "dL/db2 = sum over the batch of dL/dz2 (local derivative 1)",
        "ko": "dL/db2 = 배치에 걸친 dL/dz2의 합(국소 미분은 1)",
    },
    "lesson.computational-graph.trace_same_node": {
        "en": "(same node)",
        "ko": "(같은 노드)",
    },
    "lesson.computational-graph.trace_db1": {
        "en": "dL/db1 = sum over the batch of dL/dz1",
        "ko": "dL/db1 = 배치에 걸친 dL/dz1의 합",
    },
    "lesson.convolution.intro": {
        "en": "One digit, enlarged to {h}x{w} pixels, and the asymmetric 3x3 kernel below (a diagonal edge detector). `conv2d` ('valid' padding) is compared with a direct loop for each definition:",
        "ko": "숫자 이미지 하나를 {h}x{w} 픽셀로 키우고, 아래의 비대칭 3x3 커널(대각선 경계 검출기)을 씁니다. `conv2d`('valid' 패딩)를 각 정의를 그대로 옮긴 반복문과 비교합니다:",
    },
    "lesson.convolution.col_comparison": {
        "en": "comparison",
        "ko": "비교",
    },
    "lesson.convolution.col_diff": {
        "en": "largest absolute difference",
        "ko": "가장 큰 절대 차이",
    },
    "lesson.convolution.row_corr": {
        "en": "conv2d(I, K) vs cross-correlation Σ I[i+u, j+v] K[u, v]",
        "ko": "conv2d(I, K) 대 교차상관 Σ I[i+u, j+v] K[u, v]",
    },
    "lesson.convolution.row_conv": {
        "en": "conv2d(I, K) vs convolution Σ I[i-u, j-v] K[u, v]",
        "ko": "conv2d(I, K) 대 합성곱 Σ I[i-u, j-v] K[u, v]",
    },
    "lesson.convolution.row_flip": {
        "en": "conv2d(I, K rotated 180°) vs convolution",
        "ko": "conv2d(I, 180° 돌린 K) 대 합성곱",
    },
    "lesson.convolution.explain": {
        "en": "The largest output value is {scale:.3g}: conv2d matches the cross-correlation to float rounding and misses the convolution by as much as the signal itself. This kernel is anti-symmetric (its half-turn is -K), so here convolution = -cross-correlation: a signal-processing formula checked against a framework would see every edge with the wrong sign. A symmetric kernel (a blur, a Laplacian) hides the difference.",
        "ko": "가장 큰 출력값은 {scale:.3g}입니다. conv2d는 교차상관과는 부동소수점 반올림 수준까지 같고, 합성곱과는 신호 크기만큼이나 차이가 납니다. 이 커널은 반대칭(반 바퀴 돌리면 -K)이라서 여기서는 합성곱 = -교차상관입니다. 신호 처리 교과서의 공식을 프레임워크와 맞춰 보면 모든 경계의 부호가 반대로 보인다는 뜻입니다. 대칭 커널(블러, 라플라시안)에서는 이 차이가 드러나지 않습니다.",
    },
    "lesson.convolution.fig_image": {
        "en": "image",
        "ko": "이미지",
    },
    "lesson.convolution.fig_kernel": {
        "en": "kernel K",
        "ko": "커널 K",
    },
    "lesson.convolution.fig_ours": {
        "en": "conv2d(I, K) = cross-correlation",
        "ko": "conv2d(I, K) = 교차상관",
    },
    "lesson.convolution.fig_conv": {
        "en": "true convolution I * K",
        "ko": "진짜 합성곱 I * K",
    },
    "lesson.convolution.caption": {
        "en": "cross-correlation (what conv2d does) vs convolution",
        "ko": "교차상관(conv2d가 하는 일)과 합성곱",
    },
    "lesson.unsupervised.kmeans": {
        "en": "k-means with k = 10 on the {n} digit images (64 pixels each, no labels used), best of {n_init} k-means++ starts: purity **{purity:.1%}** (chance: about 10%). Each cluster's majority digit: {majority} ({distinct} distinct digits).",
        "ko": "숫자 이미지 {n}장(각 64픽셀, 레이블은 쓰지 않음)에 k = 10인 k-평균을 적용하고, k-means++ 시작점 {n_init}개 가운데 가장 좋은 결과를 골랐습니다. 순도는 **{purity:.1%}**입니다(우연 수준은 약 10%). 군집마다 가장 많은 숫자: {majority}(서로 다른 숫자 {distinct}개).",
    },
    "lesson.unsupervised.col_inertia": {
        "en": "inertia",
        "ko": "관성(inertia)",
    },
    "lesson.unsupervised.elbow": {
        "en": "Inertia (the sum of squared distances to the nearest centre) falls with every added cluster, by design: it cannot pick k on its own. Look for a bend (the elbow); on the digits there is no sharp one, a reminder that real data rarely come in neat clusters.",
        "ko": "관성(가장 가까운 중심까지 거리 제곱의 합)은 정의상 군집을 하나 더할 때마다 줄어듭니다. 그래서 관성만으로는 k를 고를 수 없습니다. 곡선이 꺾이는 곳(팔꿈치)을 찾아보세요. 숫자 데이터에는 뚜렷한 팔꿈치가 없는데, 실제 데이터가 깔끔한 군집으로 나뉘는 일은 드물다는 것을 일깨워 줍니다.",
    },
    "lesson.unsupervised.col_components": {
        "en": "PCA components",
        "ko": "PCA 주성분 수",
    },
    "lesson.unsupervised.col_variance": {
        "en": "explained variance",
        "ko": "설명된 분산",
    },
    "lesson.unsupervised.col_mse": {
        "en": "reconstruction MSE per pixel",
        "ko": "픽셀당 재구성 평균제곱오차",
    },
    "lesson.unsupervised.pca": {
        "en": "{k90} of the 64 components explain 90% of the variance. The reconstruction error is exactly the variance left out (the sum of the dropped eigenvalues), so it shrinks as components are added.",
        "ko": "64개 주성분 가운데 {k90}개가 분산의 90%를 설명합니다. 재구성 오차는 정확히 버린 분산(버린 고윳값의 합)이므로, 주성분을 더할수록 줄어듭니다.",
    },
    "lesson.unsupervised.fig_centres": {
        "en": "k-means centres (purity {purity:.1%}); title: the cluster's majority digit",
        "ko": "k-평균의 중심(순도 {purity:.1%}). 각 그림의 제목은 군집에서 가장 많은 숫자입니다",
    },
    "lesson.unsupervised.caption_centres": {
        "en": "k-means centres as 8x8 images",
        "ko": "8x8 이미지로 본 k-평균 중심",
    },
    "lesson.unsupervised.fig_k": {
        "en": "k (number of clusters)",
        "ko": "k(군집 수)",
    },
    "lesson.unsupervised.fig_elbow": {
        "en": "elbow curve",
        "ko": "팔꿈치 곡선",
    },
    "lesson.unsupervised.fig_ncomp": {
        "en": "number of components",
        "ko": "주성분 수",
    },
    "lesson.unsupervised.fig_cumvar": {
        "en": "cumulative explained variance",
        "ko": "누적 설명 분산",
    },
    "lesson.unsupervised.fig_pca": {
        "en": "PCA explained variance",
        "ko": "PCA 설명 분산",
    },
    "lesson.unsupervised.fig_digit": {
        "en": "true digit",
        "ko": "실제 숫자",
    },
    "lesson.unsupervised.fig_map": {
        "en": "the digits on the first two components",
        "ko": "첫 두 주성분 위의 숫자들",
    },
    "lesson.unsupervised.caption_curves": {
        "en": "elbow curve, explained variance, 2-D PCA map",
        "ko": "팔꿈치 곡선, 설명 분산, 2차원 PCA 지도",
    },
    "lesson.unsupervised.fig_original": {
        "en": "original",
        "ko": "원본",
    },
    "lesson.unsupervised.fig_comp": {
        "en": "{k} comp.",
        "ko": "주성분 {k}개",
    },
    "lesson.unsupervised.caption_recon": {
        "en": "reconstructions from 2, 10 and 30 components",
        "ko": "주성분 2, 10, 30개로 재구성한 이미지",
    },
    "lesson.linear-classifiers.intro": {
        "en": "{n_train} training and {n_test} test points in 2-D, three classes. `LogisticRegression` (softmax) and `LinearSVC` (squared hinge, one-vs-rest, dual coordinate descent):",
        "ko": "클래스 3개인 2차원 점들로, 학습용 {n_train}개와 테스트용 {n_test}개입니다. `LogisticRegression`(소프트맥스)과 `LinearSVC`(제곱 힌지, 일대다, 쌍대 좌표 하강법)로 학습한 결과입니다:",
    },
    "lesson.linear-classifiers.col_model": {
        "en": "model",
        "ko": "모델",
    },
    "lesson.linear-classifiers.col_train": {
        "en": "train accuracy",
        "ko": "학습 정확도",
    },
    "lesson.linear-classifiers.col_test": {
        "en": "test accuracy",
        "ko": "테스트 정확도",
    },
    "lesson.linear-classifiers.softmax": {
        "en": "softmax regression",
        "ko": "소프트맥스 회귀",
    },
    "lesson.linear-classifiers.svm": {
        "en": "linear SVM",
        "ko": "선형 SVM",
    },
    "lesson.linear-classifiers.agree": {
        "en": 'They predict the same class for {agree:.1%} of the test points. Then the same network (one `Dense(3)` layer, SGD, {epochs} epochs, the same seed) trained with `SparseCategoricalCrossentropy(from_logits=True)` and with `MulticlassHinge()` (`loss="multiclass_hinge"`): the hinge is exactly 0 on {hinge_zero:.1%} of the training points; the cross-entropy on none (smallest: {ce_min:.2g}).',
        "ko": '두 모델은 테스트 점의 {agree:.1%}에서 같은 클래스를 예측합니다. 이번에는 같은 신경망(`Dense(3)` 층 하나, SGD, {epochs}에폭, 같은 시드)을 `SparseCategoricalCrossentropy(from_logits=True)`와 `MulticlassHinge()`(`loss="multiclass_hinge"`)로 각각 학습시켰습니다. 힌지 손실은 학습 데이터의 {hinge_zero:.1%}에서 정확히 0이지만, 교차 엔트로피는 어떤 점에서도 0이 아닙니다(가장 작은 값: {ce_min:.2g}).',
    },
    "lesson.linear-classifiers.fig_boundary": {
        "en": "{name}: test accuracy {acc:.1%}",
        "ko": "{name}: 테스트 정확도 {acc:.1%}",
    },
    "lesson.linear-classifiers.caption_boundaries": {
        "en": "decision boundaries of the two linear classifiers",
        "ko": "두 선형 분류기의 결정 경계",
    },
    "lesson.linear-classifiers.fig_margin": {
        "en": "margin t·s",
        "ko": "마진 t·s",
    },
    "lesson.linear-classifiers.fig_loss": {
        "en": "loss",
        "ko": "손실",
    },
    "lesson.linear-classifiers.fig_margin_title": {
        "en": "losses as functions of the margin",
        "ko": "마진의 함수로 본 손실함수",
    },
    "lesson.linear-classifiers.fig_zero_one": {
        "en": "zero-one",
        "ko": "0-1 손실",
    },
    "lesson.linear-classifiers.fig_hinge_binary": {
        "en": "hinge",
        "ko": "힌지",
    },
    "lesson.linear-classifiers.fig_squared_hinge": {
        "en": "squared hinge",
        "ko": "제곱 힌지",
    },
    "lesson.linear-classifiers.fig_logistic": {
        "en": "logistic (cross-entropy)",
        "ko": "로지스틱(교차 엔트로피)",
    },
    "lesson.linear-classifiers.fig_ce": {
        "en": "cross-entropy (softmax)",
        "ko": "교차 엔트로피(소프트맥스)",
    },
    "lesson.linear-classifiers.fig_hinge": {
        "en": "multiclass hinge (SVM)",
        "ko": "다중 클래스 힌지(SVM)",
    },
    "lesson.linear-classifiers.fig_epoch": {
        "en": "epoch",
        "ko": "에폭",
    },
    "lesson.linear-classifiers.fig_train_loss": {
        "en": "training loss",
        "ko": "학습 손실",
    },
    "lesson.linear-classifiers.fig_train_title": {
        "en": "training the same linear layer with each loss",
        "ko": "같은 선형 층을 손실함수만 바꿔 학습",
    },
    "lesson.linear-classifiers.caption_losses": {
        "en": "hinge vs cross-entropy, and the loss curves",
        "ko": "힌지와 교차 엔트로피, 그리고 손실 곡선",
    },
    "lesson.debugging.intro": {
        "en": "The healthy network: Dense(64, relu, He) -> Dense(64, relu, He) -> Dense(10) scores, SGD lr {lr} momentum 0.9, softmax cross-entropy from logits, batches of 32, on the 8x8 digits; {epochs} epochs. Each row breaks one thing; `Doctor()` watches both runs.",
        "ko": "건강한 신경망: Dense(64, relu, He) -> Dense(64, relu, He) -> Dense(10)(점수, 곧 로짓), SGD 학습률 {lr} 모멘텀 0.9, 로짓에서 계산하는 소프트맥스 교차 엔트로피, 배치 크기 32, 8x8 숫자 데이터, {epochs}에폭. 한 행마다 한 가지를 망가뜨리고, `Doctor()`가 망가뜨린 학습과 고친 학습을 모두 지켜봅니다.",
    },
    "lesson.debugging.what_lr_too_high": {
        "en": "learning rate 10x too high (0.5 instead of 0.05)",
        "ko": "학습률이 10배 큼(0.05 대신 0.5)",
    },
    "lesson.debugging.fix_lr_too_high": {
        "en": "learning rate back to 0.05 (10x smaller)",
        "ko": "학습률을 0.05로 되돌림(10분의 1)",
    },
    "lesson.debugging.what_deep_sigmoid": {
        "en": "10 sigmoid layers with weights drawn from N(0, 0.01^2)",
        "ko": "N(0, 0.01^2)에서 뽑은 가중치로 쌓은 시그모이드 층 10개",
    },
    "lesson.debugging.fix_deep_sigmoid": {
        "en": "ReLU with He initialization, and lr 0.01 for the 10-layer stack",
        "ko": "He 초기화를 쓴 ReLU, 10층이므로 학습률 0.01",
    },
    "lesson.debugging.what_negative_bias": {
        "en": "ReLU layers whose biases start at -5",
        "ko": "편향이 -5에서 시작하는 ReLU 층",
    },
    "lesson.debugging.fix_negative_bias": {
        "en": "biases start at 0",
        "ko": "편향을 0에서 시작",
    },
    "lesson.debugging.what_softmax_mse": {
        "en": "softmax output trained with mean squared error on one-hot targets",
        "ko": "소프트맥스 출력을 원-핫 정답에 대한 평균제곱오차로 학습",
    },
    "lesson.debugging.fix_softmax_mse": {
        "en": "linear output and SparseCategoricalCrossentropy(from_logits=True)",
        "ko": "선형 출력과 SparseCategoricalCrossentropy(from_logits=True)",
    },
    "lesson.debugging.what_tiny_data": {
        "en": "100 training images, no regularization, 60 epochs",
        "ko": "학습 이미지 100장, 규제 없음, 60에폭",
    },
    "lesson.debugging.fix_tiny_data": {
        "en": "an L2 penalty, kernel_regularizer=L2(1e-2)",
        "ko": "L2 규제 벌점, kernel_regularizer=L2(1e-2)",
    },
    "lesson.debugging.finding": {
        "en": "**Doctor, `{code}`:** {message}\n\n**Fix:** {fix}",
        "ko": "**닥터의 진단, `{code}`:** {message}\n\n**처방:** {fix}",
    },
    "lesson.debugging.missed": {
        "en": "*The doctor did not report `{code}` here.*",
        "ko": "*여기서는 닥터가 `{code}`를 보고하지 않았습니다.*",
    },
    "lesson.debugging.applied": {
        "en": "Applied: {fix}. Test accuracy {broken:.3f} broken, {fixed:.3f} fixed; findings after the fix: {codes}.",
        "ko": "적용한 처방: {fix}. 테스트 정확도는 망가뜨렸을 때 {broken:.3f}, 고친 뒤 {fixed:.3f}입니다. 고친 뒤의 진단: {codes}.",
    },
    "lesson.debugging.none": {
        "en": "none",
        "ko": "없음",
    },
    "lesson.debugging.summary": {
        "en": "### Summary",
        "ko": "### 요약",
    },
    "lesson.debugging.col_broken": {
        "en": "broken",
        "ko": "망가뜨린 것",
    },
    "lesson.debugging.col_findings": {
        "en": "findings",
        "ko": "진단",
    },
    "lesson.debugging.col_acc": {
        "en": "test acc",
        "ko": "테스트 정확도",
    },
    "lesson.debugging.col_fix": {
        "en": "fix applied",
        "ko": "적용한 처방",
    },
    "lesson.debugging.col_after": {
        "en": "findings after",
        "ko": "고친 뒤의 진단",
    },
    "lesson.debugging.col_acc_after": {
        "en": "test acc after",
        "ko": "고친 뒤 테스트 정확도",
    },
    "lesson.debugging.fig_broken_train": {
        "en": "broken: train",
        "ko": "망가뜨림: 학습",
    },
    "lesson.debugging.fig_broken_test": {
        "en": "broken: test",
        "ko": "망가뜨림: 테스트",
    },
    "lesson.debugging.fig_fixed_train": {
        "en": "fixed: train",
        "ko": "고침: 학습",
    },
    "lesson.debugging.fig_fixed_test": {
        "en": "fixed: test",
        "ko": "고침: 테스트",
    },
    "lesson.debugging.fig_epoch": {
        "en": "epoch",
        "ko": "에폭",
    },
    "lesson.debugging.fig_loss": {
        "en": "loss",
        "ko": "손실",
    },
    "lesson.debugging.fig_lr_too_high": {
        "en": "lr_too_high",
        "ko": "학습률이 너무 큼",
    },
    "lesson.debugging.fig_deep_sigmoid": {
        "en": "deep_sigmoid",
        "ko": "깊은 시그모이드, 작은 가중치",
    },
    "lesson.debugging.fig_negative_bias": {
        "en": "negative_bias",
        "ko": "음의 편향",
    },
    "lesson.debugging.fig_softmax_mse": {
        "en": "softmax_mse",
        "ko": "소프트맥스 + 평균제곱오차",
    },
    "lesson.debugging.fig_tiny_data": {
        "en": "tiny_data",
        "ko": "아주 작은 학습 데이터",
    },
    "lesson.debugging.caption": {
        "en": "loss curves, broken (red) and fixed (green)",
        "ko": "손실 곡선, 망가뜨린 학습(빨강)과 고친 학습(초록)",
    },
    "lesson.l1-vs-l2.intro": {
        "en": "{n} samples, 10 features, y = 3 x0 - 2 x1 + 1.5 x2 + noise. Fitted coefficients (least squares, `Ridge(alpha=100)`, `Lasso(alpha=0.3)`):",
        "ko": "샘플 {n}개, 특성 10개, y = 3 x0 - 2 x1 + 1.5 x2 + 잡음인 데이터입니다. 추정한 계수(최소제곱 선형회귀, `Ridge(alpha=100)`, `Lasso(alpha=0.3)`):",
    },
    "lesson.l1-vs-l2.col_feature": {
        "en": "feature",
        "ko": "특성",
    },
    "lesson.l1-vs-l2.col_true": {
        "en": "true",
        "ko": "참값",
    },
    "lesson.l1-vs-l2.col_ols": {
        "en": "least squares",
        "ko": "최소제곱",
    },
    "lesson.l1-vs-l2.col_ridge": {
        "en": "ridge (L2)",
        "ko": "릿지(L2)",
    },
    "lesson.l1-vs-l2.col_lasso": {
        "en": "lasso (L1)",
        "ko": "라쏘(L1)",
    },
    "lesson.l1-vs-l2.useful": {
        "en": " (useful)",
        "ko": " (유용)",
    },
    "lesson.l1-vs-l2.col_model": {
        "en": "model",
        "ko": "모델",
    },
    "lesson.l1-vs-l2.col_nonzero": {
        "en": "non-zero coefficients",
        "ko": "0이 아닌 계수",
    },
    "lesson.l1-vs-l2.col_useless": {
        "en": "largest abs(coef) on a useless feature",
        "ko": "쓸모없는 특성의 가장 큰 abs(계수)",
    },
    "lesson.l1-vs-l2.ols": {
        "en": "ols",
        "ko": "최소제곱",
    },
    "lesson.l1-vs-l2.ridge": {
        "en": "ridge",
        "ko": "릿지",
    },
    "lesson.l1-vs-l2.lasso": {
        "en": "lasso",
        "ko": "라쏘",
    },
    "lesson.l1-vs-l2.true": {
        "en": "true",
        "ko": "참값",
    },
    "lesson.l1-vs-l2.why": {
        "en": "Why: near 0, the L2 penalty's slope 2aw vanishes, so it never pushes a small weight all the way to 0; the L1 penalty's slope is a constant a sign(w), which beats a weak feature's gradient and pins it at exactly 0 (soft thresholding in coordinate descent).",
        "ko": "왜 그럴까요? 0 근처에서 L2 벌점의 기울기 2aw는 0에 가까워지므로, 작은 가중치를 끝까지 0으로 밀어붙이지 못합니다. L1 벌점의 기울기 a sign(w)는 크기가 일정해서 약한 특성의 기울기를 이기고 그 가중치를 정확히 0에 묶어 둡니다(좌표 하강법의 소프트 임계값).",
    },
    "lesson.l1-vs-l2.path": {
        "en": "Along the lasso path ({n_alphas} alphas from 3 down to 0.001) the number of non-zero coefficients grows from {first} to {last}; the useful features enter first (at alpha {e0:.3g}, {e1:.3g}, {e2:.3g}). Along the ridge path (alpha from 1e5 to 0.01) all {ridge_n} coefficients are non-zero at every alpha.",
        "ko": "라쏘 경로(alpha를 3부터 0.001까지 {n_alphas}개)를 따라가면 0이 아닌 계수의 개수가 {first}개에서 {last}개로 늘어나고, 유용한 특성이 먼저 들어옵니다(alpha {e0:.3g}, {e1:.3g}, {e2:.3g}에서). 릿지 경로(alpha 1e5부터 0.01까지)에서는 모든 alpha에서 {ridge_n}개 계수가 모두 0이 아닙니다.",
    },
    "lesson.l1-vs-l2.geometry": {
        "en": "The geometry: a penalized fit is a constrained one, min ||y - Xw||² subject to ||w||_p <= r, so the solution is where the loss's elliptic contours first touch the ball. The L1 ball is a diamond with corners on the axes, and the contours usually touch it at a corner, where a coordinate is 0; the L2 ball is round, so the touching point is generically off the axes. Measured areas of the unit balls (L1, L2, L-infinity): {areas} (exact: 2, π, 4). On 2 features (y = 2 x0 + 0.4 x1 + noise): least squares {ols}, `Lasso(alpha=0.5)` {lasso}, `Ridge(alpha=60)` {ridge}.",
        "ko": "기하학적으로 보면, 벌점을 더한 학습은 제약 조건이 있는 학습, 곧 ||w||_p <= r 조건 아래에서 ||y - Xw||²를 최소화하는 문제와 같습니다. 그래서 해는 손실의 타원 등고선이 공에 처음 닿는 곳입니다. L1 공은 축 위에 꼭짓점이 있는 마름모라서 등고선이 대개 꼭짓점, 곧 한 좌표가 0인 곳에 닿습니다. L2 공은 둥글어서 닿는 점이 보통 축 위에 있지 않습니다. 단위 공의 넓이를 재 보면 {areas}입니다(정확한 값: 2, π, 4). 특성 2개(y = 2 x0 + 0.4 x1 + 잡음)에서 구한 해: 최소제곱 {ols}, `Lasso(alpha=0.5)` {lasso}, `Ridge(alpha=60)` {ridge}.",
    },
    "lesson.l1-vs-l2.areas": {
        "en": "{{'l1': {l1}, 'l2': {l2}, 'linf': {linf}}}",
        "ko": "L1 {l1}, L2 {l2}, L-무한대 {linf}",
    },
    "lesson.l1-vs-l2.fig_path_lasso": {
        "en": "lasso (L1) path",
        "ko": "라쏘(L1) 경로",
    },
    "lesson.l1-vs-l2.fig_path_ridge": {
        "en": "ridge (L2) path",
        "ko": "릿지(L2) 경로",
    },
    "lesson.l1-vs-l2.fig_alpha": {
        "en": "alpha (penalty strength, decreasing)",
        "ko": "alpha(벌점의 세기, 줄어드는 방향)",
    },
    "lesson.l1-vs-l2.fig_coef": {
        "en": "coefficient",
        "ko": "계수",
    },
    "lesson.l1-vs-l2.fig_legend": {
        "en": "useful features (gray: useless)",
        "ko": "유용한 특성(회색: 쓸모없음)",
    },
    "lesson.l1-vs-l2.caption_paths": {
        "en": "lasso and ridge regularization paths",
        "ko": "라쏘와 릿지의 규제 경로",
    },
    "lesson.l1-vs-l2.fig_balls": {
        "en": "unit balls ||w||_p = 1",
        "ko": "단위 공 ||w||_p = 1",
    },
    "lesson.l1-vs-l2.fig_ball_l1": {
        "en": "L1 (diamond)",
        "ko": "L1(마름모)",
    },
    "lesson.l1-vs-l2.fig_ball_l2": {
        "en": "L2 (circle)",
        "ko": "L2(원)",
    },
    "lesson.l1-vs-l2.fig_ball_linf": {
        "en": "L-infinity (square)",
        "ko": "L-무한대(정사각형)",
    },
    "lesson.l1-vs-l2.fig_ols": {
        "en": "least squares {w}",
        "ko": "최소제곱 {w}",
    },
    "lesson.l1-vs-l2.fig_touch": {
        "en": "{name}: the loss contours touch the ball",
        "ko": "{name}: 손실 등고선이 공에 닿는 곳",
    },
    "lesson.l1-vs-l2.caption_balls": {
        "en": "unit balls and the lasso / ridge solutions in 2-D",
        "ko": "단위 공과 2차원에서의 라쏘 / 릿지 해",
    },
    "lesson.l1-vs-l2.fig_coefs": {
        "en": "coefficients: lasso zeroes the useless features, ridge only shrinks them",
        "ko": "계수: 라쏘는 쓸모없는 특성을 0으로 만들고, 릿지는 줄이기만 합니다",
    },
    "lesson.l1-vs-l2.caption_coefs": {
        "en": "lasso vs ridge coefficients",
        "ko": "라쏘와 릿지의 계수",
    },
    "doctor.ce_fix": {
        "en": "make the last layer linear (Dense({units}) with no activation) and use SparseCategoricalCrossentropy(from_logits=True) (one-hot targets: CategoricalCrossentropy(from_logits=True))",
        "ko": "마지막 층을 선형으로 두고(활성함수 없는 Dense({units})) SparseCategoricalCrossentropy(from_logits=True)를 쓰세요(원-핫 정답이면 CategoricalCrossentropy(from_logits=True))",
    },
    "doctor.softmax_regression": {
        "en": "The output is a softmax trained with {name}. Squared error on probabilities gives tiny gradients when the network is confidently wrong (the softmax Jacobian scales them down), so a classifier learns slowly or not at all.",
        "ko": "출력층은 소프트맥스인데 손실함수는 {name}입니다. 확률에 평균제곱오차를 쓰면 신경망이 자신 있게 틀릴 때 기울기가 아주 작아져서(소프트맥스의 야코비안이 기울기를 줄입니다) 분류기가 느리게 배우거나 아예 배우지 못합니다.",
    },
    "doctor.softmax_regression_fix": {
        "en": "For classification, {ce_fix}.",
        "ko": "분류 문제라면 {ce_fix}.",
    },
    "doctor.double_activation": {
        "en": "The output already goes through a {act}, but the loss {name} has from_logits=True, so it applies a second softmax/sigmoid to probabilities: the loss cannot reach zero and its gradients are flattened.",
        "ko": "출력이 이미 {act}를 거쳤는데 손실함수 {name}에 from_logits=True가 설정되어 있어, 확률에 소프트맥스/시그모이드를 한 번 더 씌웁니다. 그러면 손실이 0에 도달할 수 없고 기울기도 작아집니다.",
    },
    "doctor.double_activation_fix": {
        "en": "Remove the {act} of layer '{layer}' (activation=None), or pass from_logits=False to the loss.",
        "ko": "'{layer}' 층의 {act}를 없애거나(activation=None), 손실함수에 from_logits=False를 주세요.",
    },
    "doctor.sigmoid_multiclass": {
        "en": "A sigmoid output is trained with the multi-class loss {name}: sigmoids do not make the class probabilities sum to 1, which that loss assumes.",
        "ko": "시그모이드 출력을 다중 클래스 손실함수 {name}로 학습하고 있습니다. 시그모이드는 클래스 확률의 합을 1로 만들어 주지 않는데, 이 손실함수는 합이 1이라고 가정합니다.",
    },
    "doctor.sigmoid_multiclass_fix": {
        "en": "Use activation='softmax' on the last layer, or better {ce_fix}.",
        "ko": "마지막 층에 activation='softmax'를 쓰거나, 더 좋게는 {ce_fix}.",
    },
    "doctor.raw_scores": {
        "en": "The last layer '{layer}' outputs raw scores (no activation), but the loss {name} has from_logits=False and reads them as probabilities: the log of a negative score is not defined.",
        "ko": "마지막 층 '{layer}'는 활성함수 없이 점수(로짓)를 그대로 내보내는데, 손실함수 {name}는 from_logits=False라서 이를 확률로 읽습니다. 음수 점수의 로그는 정의되지 않습니다.",
    },
    "doctor.raw_scores_fix": {
        "en": "Pass from_logits=True to {name}.",
        "ko": "{name}에 from_logits=True를 주세요.",
    },
    "doctor.probabilities_from_logits": {
        "en": "The model outputs probabilities (each row sums to 1) but the loss {name} has from_logits=True and applies a softmax again.",
        "ko": "모델은 확률을 출력하는데(각 행의 합이 1) 손실함수 {name}는 from_logits=True라서 소프트맥스를 한 번 더 적용합니다.",
    },
    "doctor.probabilities_from_logits_fix": {
        "en": "Remove the output softmax, or pass from_logits=False to the loss.",
        "ko": "출력층의 소프트맥스를 없애거나, 손실함수에 from_logits=False를 주세요.",
    },
    "doctor.large_inputs": {
        "en": "The inputs have mean {mean:.3g}, standard deviation {std:.3g} and values up to {peak:.3g}. Large inputs make the first layer's pre-activations huge: units saturate or die and the usual learning rates overshoot.",
        "ko": "입력의 평균은 {mean:.3g}, 표준편차는 {std:.3g}, 최댓값은 {peak:.3g}입니다. 입력이 크면 첫 층의 활성함수 입력값이 지나치게 커져서 유닛이 포화되거나 죽고, 보통의 학습률로도 최솟값을 지나쳐 버립니다.",
    },
    "doctor.pixels_fix": {
        "en": "Scale the pixels to [0, 1]: x = x / 255.0.",
        "ko": "픽셀 값을 [0, 1]로 정규화하세요: x = x / 255.0.",
    },
    "doctor.standardize_fix": {
        "en": "Standardize the features: x = (x - {mean:.3g}) / {std:.3g}, or fit mitbadak.data.StandardScaler on the training set.",
        "ko": "특성을 표준화하세요: x = (x - {mean:.3g}) / {std:.3g}. 또는 mitbadak.data.StandardScaler를 학습 데이터로 fit한 뒤 쓰세요.",
    },
    "doctor.tiny_inputs": {
        "en": "The inputs are tiny (standard deviation {std:.3g}): the first layer sees almost no signal and learns very slowly.",
        "ko": "입력이 아주 작습니다(표준편차 {std:.3g}). 첫 층에 신호가 거의 들어가지 않아 학습이 매우 느립니다.",
    },
    "doctor.standardize_tiny_fix": {
        "en": "Standardize the features: x = (x - {mean:.3g}) / {std:.3g}.",
        "ko": "특성을 표준화하세요: x = (x - {mean:.3g}) / {std:.3g}.",
    },
    "doctor.feature_scales": {
        "en": "The input features have very different scales (the largest standard deviation is {ratio:.3g} times the median): the large features dominate the first layer and its gradient.",
        "ko": "입력 특성들의 크기가 서로 많이 다릅니다(가장 큰 표준편차가 중앙값의 {ratio:.3g}배). 큰 특성이 첫 층과 그 기울기를 지배합니다.",
    },
    "doctor.feature_scales_fix": {
        "en": "Standardize each feature (mitbadak.data.StandardScaler).",
        "ko": "특성마다 표준화하세요(mitbadak.data.StandardScaler).",
    },
    "doctor.class_imbalance": {
        "en": "The classes are imbalanced: the most frequent has {ratio:.3g} times as many samples as the rarest (rarest: {rare}). The network can score well by mostly ignoring the rare classes.",
        "ko": "클래스가 불균형합니다. 가장 많은 클래스의 샘플 수가 가장 적은 클래스의 {ratio:.3g}배입니다(가장 적은 클래스: {rare}). 신경망이 드문 클래스를 거의 무시해도 점수가 잘 나올 수 있습니다.",
    },
    "doctor.class_imbalance_fix": {
        "en": "Pass class_weight={weights} to fit (weight n / (classes x count)), or resample the rare classes; judge the model by per-class recall or F1, not accuracy.",
        "ko": "fit에 class_weight={weights}를 주거나(가중치 n / (클래스 수 x 개수)) 드문 클래스를 더 많이 뽑도록 다시 샘플링하세요. 모델은 정확도가 아니라 클래스별 재현율이나 F1으로 평가하세요.",
    },
    "doctor.lower_lr_to": {
        "en": "Lower the learning rate 10x, to lr={lr}",
        "ko": "학습률을 10분의 1인 lr={lr}로 낮추세요",
    },
    "doctor.lower_lr": {
        "en": "Lower the learning rate 10x",
        "ko": "학습률을 10분의 1로 낮추세요",
    },
    "doctor.nan": {
        "en": "The loss became {loss} at batch {batch}: the weights overflowed. The usual cause is a learning rate{lr_text} too large for this network, sometimes a log or division of zero in a custom loss.",
        "ko": "배치 {batch}에서 손실이 {loss}가 되었습니다. 가중치 값이 너무 커져 수치가 넘친 것입니다(오버플로). 흔한 원인은 이 신경망에 비해 너무 큰 학습률{lr_text}이고, 가끔은 직접 만든 손실함수 안의 log(0)이나 0으로 나누기입니다.",
    },
    "doctor.nan_fix": {
        "en": "{fix} (or find one with mitbadak.inspect.lr_find(model, x, y)); gradient clipping (clipnorm=1.0 on the optimizer) also guards against single bad steps.",
        "ko": "{fix}(또는 mitbadak.inspect.lr_find(model, x, y)로 찾으세요). 기울기 클리핑(옵티마이저에 clipnorm=1.0)도 한 번의 나쁜 걸음을 막아 줍니다.",
    },
    "doctor.dead_relu": {
        "en": "ReLU units that were never active on the sampled batches: {text}. A dead unit outputs 0 for every input, so its gradient is 0 and it never recovers: too large a learning rate step or a negative bias pushed its pre-activation below zero everywhere.",
        "ko": "살펴본 배치에서 한 번도 켜지지 않은 ReLU 유닛: {text}. 죽은 유닛은 어떤 입력에도 0을 내므로 기울기도 0이고 다시 살아나지 못합니다. 너무 큰 학습률의 한 걸음이나 음의 편향이 활성함수 입력값을 모든 곳에서 0 아래로 밀어낸 것입니다.",
    },
    "doctor.dead_relu_fix": {
        "en": "Start the biases at 0 (bias_initializer='zeros') with He initialization (kernel_initializer='he_normal'), lower the learning rate, or use activation='leaky_relu' / 'elu', which keep a gradient below zero.",
        "ko": "편향을 0에서 시작하고(bias_initializer='zeros') He 초기화(kernel_initializer='he_normal')를 쓰거나, 학습률을 낮추거나, 0 아래에서도 기울기가 남는 activation='leaky_relu' / 'elu'를 쓰세요.",
    },
    "doctor.saturated": {
        "en": "Units stuck near the limits of their activation: {text} of the outputs on the sample. There the slope of sigmoid / tanh is almost 0, so almost no gradient passes: the pre-activations are too large (large weights or unscaled inputs).",
        "ko": "활성함수 출력의 양 끝에 붙어 버린 유닛: 살펴본 출력 중 {text}. 그곳에서는 시그모이드 / tanh의 기울기가 거의 0이라 기울기가 거의 전달되지 않습니다. 활성함수 입력값이 너무 큽니다(큰 가중치나 정규화하지 않은 입력).",
    },
    "doctor.saturated_fix": {
        "en": "Use Xavier initialization (kernel_initializer='glorot_uniform') on scaled inputs, add BatchNormalization before the activation, or switch to activation='relu' with kernel_initializer='he_normal'.",
        "ko": "입력을 정규화하고 Xavier 초기화(kernel_initializer='glorot_uniform')를 쓰거나, 활성함수 앞에 BatchNormalization을 넣거나, activation='relu'와 kernel_initializer='he_normal'로 바꾸세요.",
    },
    "doctor.vanishing_gradients": {
        "en": "The gradient shrinks from the output to the input: the first layer '{layer}' gets {ratio:.2g} of the last layer's gradient (per weight, r.m.s.). Each layer multiplies the backward signal by its weights and the slope of its activation; with small weights or sigmoid/tanh slopes < 1 the product vanishes over depth and the first layers do not learn.",
        "ko": "기울기가 출력에서 입력 쪽으로 갈수록 작아집니다. 첫 층 '{layer}'가 받는 기울기는 마지막 층의 {ratio:.2g}배입니다(가중치당 제곱평균제곱근). 역전파 신호는 층마다 가중치와 활성함수의 기울기가 곱해지는데, 가중치가 작거나 시그모이드/tanh의 기울기가 1보다 작으면 깊이를 지나며 곱이 사라져 앞쪽 층이 학습되지 않습니다(기울기 소실).",
    },
    "doctor.vanishing_gradients_fix": {
        "en": "Use activation='relu' with kernel_initializer='he_normal' (in a very deep stack with a smaller learning rate), or activation='tanh' with kernel_initializer='glorot_uniform'; add BatchNormalization between layers, or make the network shallower.",
        "ko": "activation='relu'와 kernel_initializer='he_normal'을 쓰거나(아주 깊다면 학습률도 낮추세요), activation='tanh'와 kernel_initializer='glorot_uniform'을 쓰세요. 층 사이에 BatchNormalization을 넣거나 신경망을 얕게 만드는 방법도 있습니다.",
    },
    "doctor.exploding_gradients": {
        "en": "The gradient grows from the output to the input: the first layer '{layer}' gets {ratio:.2g} times the last layer's gradient (per weight, r.m.s.): large weights multiply the backward signal at every layer.",
        "ko": "기울기가 출력에서 입력 쪽으로 갈수록 커집니다. 첫 층 '{layer}'가 받는 기울기는 마지막 층의 {ratio:.2g}배입니다(가중치당 제곱평균제곱근). 큰 가중치가 층마다 역전파 신호를 키우고 있습니다(기울기 폭주).",
    },
    "doctor.exploding_gradients_fix": {
        "en": "Clip the gradients (clipnorm=1.0 on the optimizer), lower the learning rate, use kernel_initializer='he_normal' / 'glorot_uniform', add BatchNormalization.",
        "ko": "기울기를 클리핑하고(옵티마이저에 clipnorm=1.0), 학습률을 낮추고, kernel_initializer='he_normal' / 'glorot_uniform'을 쓰고, BatchNormalization을 넣으세요.",
    },
    "doctor.diverging": {
        "en": "The loss grows instead of falling ({loss:.4g} at epoch {epoch}, {first:.4g} at the first batch): the steps overshoot the minimum, usually because the learning rate is too large.",
        "ko": "손실이 줄지 않고 오히려 커집니다(에폭 {epoch}에서 {loss:.4g}, 첫 배치에서 {first:.4g}). 한 걸음이 최솟값을 지나쳐 버리는 것으로, 대개 학습률이 너무 크기 때문입니다.",
    },
    "doctor.diverging_fix": {
        "en": "{fix} (mitbadak.inspect.lr_find suggests one), or clip the gradients (clipnorm=1.0).",
        "ko": "{fix}(mitbadak.inspect.lr_find가 값을 제안해 줍니다). 또는 기울기를 클리핑하세요(clipnorm=1.0).",
    },
    "doctor.cause_frozen": {
        "en": "the model has no trainable weights (every layer is frozen)",
        "ko": "모델에 학습할 가중치가 없습니다(모든 층이 동결됨)",
    },
    "doctor.cause_frozen_fix": {
        "en": "Unfreeze the layers to train (layer.trainable = True) and compile again.",
        "ko": "학습할 층의 동결을 풀고(layer.trainable = True) 다시 compile하세요.",
    },
    "doctor.cause_dead": {
        "en": "the ReLU units of {layers} are dead, so no gradient flows",
        "ko": "{layers}의 ReLU 유닛이 죽어서 기울기가 흐르지 않습니다",
    },
    "doctor.cause_dead_fix": {
        "en": "Start the biases at 0 and use He initialization, a smaller learning rate, or activation='leaky_relu'.",
        "ko": "편향을 0에서 시작하고 He 초기화를 쓰거나, 학습률을 낮추거나, activation='leaky_relu'를 쓰세요.",
    },
    "doctor.cause_static": {
        "en": "the weights do not change at all (frozen, or the learning rate is 0)",
        "ko": "가중치가 전혀 바뀌지 않습니다(동결되었거나 학습률이 0)",
    },
    "doctor.cause_static_fix": {
        "en": "Check layer.trainable and the optimizer's lr.",
        "ko": "layer.trainable과 옵티마이저의 lr을 확인하세요.",
    },
    "doctor.cause_mismatch": {
        "en": "the output activation does not fit the loss (see loss_mismatch)",
        "ko": "출력층의 활성함수가 손실함수와 맞지 않습니다(loss_mismatch 참고)",
    },
    "doctor.cause_vanishing": {
        "en": "the gradients vanish before they reach the first layers",
        "ko": "기울기가 앞쪽 층에 닿기 전에 사라집니다",
    },
    "doctor.cause_tiny_steps": {
        "en": "the steps are tiny (each changes the weights by {ratio:.1g} of their size)",
        "ko": "걸음이 아주 작습니다(한 번에 가중치 크기의 {ratio:.1g}만큼만 바뀝니다)",
    },
    "doctor.cause_tiny_steps_fix": {
        "en": "Raise the learning rate 10x, to lr={lr}.",
        "ko": "학습률을 10배인 lr={lr}로 높이세요.",
    },
    "doctor.cause_lr": {
        "en": "the learning rate is too small or too large for this model",
        "ko": "이 모델에 비해 학습률이 너무 작거나 너무 큽니다",
    },
    "doctor.cause_lr_fix": {
        "en": "Run mitbadak.inspect.lr_find(model, x, y) and use the rate it suggests.",
        "ko": "mitbadak.inspect.lr_find(model, x, y)를 실행하고 제안된 학습률을 쓰세요.",
    },
    "doctor.not_learning": {
        "en": "The loss is flat: {loss:.4g} after {epochs} epochs, {drop:.1%} below where it started. Likely cause: {cause}.",
        "ko": "손실이 제자리입니다. {epochs}에폭 뒤에도 {loss:.4g}로, 처음보다 {drop:.1%}밖에 줄지 않았습니다. 짐작되는 원인: {cause}.",
    },
    "doctor.overfitting": {
        "en": "The model is memorizing the training set: the validation loss (3-epoch mean) rose from {best:.4g} (epoch {epoch}) to {now:.4g} while the training loss fell to {train:.4g}; the generalization gap grew from {gap_best:.3g} to {gap_now:.3g}.",
        "ko": "모델이 학습 데이터를 외우고 있습니다(과적합). 검증 손실(3에폭 평균)은 {best:.4g}(에폭 {epoch})에서 {now:.4g}로 올랐는데 학습 손실은 {train:.4g}까지 내려갔습니다. 일반화 격차가 {gap_best:.3g}에서 {gap_now:.3g}로 벌어졌습니다.",
    },
    "doctor.overfitting_fix": {
        "en": "Add an L2 penalty (kernel_regularizer=L2(1e-3); L2(1e-2) for a training set of a few hundred samples), Dropout(0.3) after the hidden layers, data augmentation or more data, and stop early: EarlyStopping(patience={patience}, restore_best_weights=True) keeps the best weights.",
        "ko": "L2 규제(kernel_regularizer=L2(1e-3); 학습 데이터가 수백 개라면 L2(1e-2))를 더하고, 은닉층 뒤에 Dropout(0.3)을 넣고, 데이터 증강을 하거나 데이터를 늘리고, 조기 종료를 쓰세요: EarlyStopping(patience={patience}, restore_best_weights=True)는 가장 좋았던 가중치를 남깁니다.",
    },
    "doctor.acc_text": {
        "en": ", training accuracy {acc:.3f}",
        "ko": ", 학습 정확도 {acc:.3f}",
    },
    "doctor.underfitting": {
        "en": "After {epochs} epochs the training loss is still {loss:.4g} ({still:.0%} of where it started{acc_text}): the model has not fit even the training data.",
        "ko": "{epochs}에폭이 지나도 학습 손실이 아직 {loss:.4g}입니다(처음의 {still:.0%}{acc_text}). 모델이 학습 데이터조차 맞추지 못하고 있습니다(과소적합).",
    },
    "doctor.raise_lr": {
        "en": ", raise the learning rate (e.g. lr={lr})",
        "ko": ", 학습률을 높이거나(예: lr={lr})",
    },
    "doctor.underfitting_fix": {
        "en": "Train longer (more epochs){raise_lr}, use a bigger model (more units or layers), or weaken the regularization.",
        "ko": "더 오래 학습하거나(에폭 늘리기){raise_lr}, 더 큰 모델(유닛이나 층 추가)을 쓰거나, 규제를 약하게 하세요.",
    },
    "lesson.transfer.no_mnist": {
        "en": "**Note.** MNIST is not available, so this lesson cannot run: {error}",
        "ko": "**참고.** MNIST를 쓸 수 없어서 이 수업을 실행할 수 없습니다: {error}",
    },
    "lesson.transfer.no_fashion": {
        "en": "**Note.** Fashion-MNIST is not available, so it is left out: {error}",
        "ko": "**참고.** Fashion-MNIST를 쓸 수 없어서 빼고 진행합니다: {error}",
    },
    "lesson.transfer.no_data_hint": {
        "en": "Set `MITBADAK_DATA` to a folder holding `mnist/` (and `fashion-mnist/`), or run with internet access so that `mitbadak.data.load_mnist()` can download it.",
        "ko": "`MITBADAK_DATA`를 `mnist/`(와 `fashion-mnist/`)가 들어 있는 폴더로 지정하거나, `mitbadak.data.load_mnist()`가 데이터를 내려받을 수 있도록 인터넷에 연결된 상태에서 실행하세요.",
    },
    "lesson.transfer.task_digits": {
        "en": "digits 5-9",
        "ko": "숫자 5-9",
    },
    "lesson.transfer.test_set": {
        "en": "{n} test images of {task}",
        "ko": "{task}의 테스트 이미지 {n}장",
    },
    "lesson.transfer.intro": {
        "en": "The base is the shipped `{base}` (`mitbadak.zoo.pretrained('{base}')`, trained on the MNIST digits 0-4 only). Its conv layers (up to `Flatten`) are reused under a new head fc64-dropout-fc; the same architecture is also trained from scratch. Each training set has {sizes} random labelled images per class; accuracy is measured on {test_sets}. Adam, batch 32: the head for {head_steps}+ steps at lr 2e-3 (on the frozen base's features), then fine-tuning for {finetune_steps} steps at lr 3e-4; from scratch, lr 2e-3 for {scratch_steps} steps.",
        "ko": "사전학습된 기반 모델은 함께 제공되는 `{base}`입니다(`mitbadak.zoo.pretrained('{base}')`, MNIST 숫자 0-4로만 학습). 이 모델의 합성곱 층(`Flatten`까지)을 그대로 가져와 그 위에 새 헤드 fc64-dropout-fc를 얹고, 같은 구조를 처음부터 학습한 모델과 비교합니다. 학습 데이터는 클래스마다 레이블이 붙은 이미지를 {sizes}장씩 무작위로 뽑아 만들고, 정확도는 {test_sets}에서 잽니다. Adam, 배치 크기 32: 먼저 헤드를 학습률 2e-3으로 {head_steps}스텝 이상(고정한 기반 모델의 특징 위에서) 학습하고, 이어서 학습률 3e-4로 {finetune_steps}스텝 미세 조정합니다. 처음부터 학습하는 모델은 학습률 2e-3으로 {scratch_steps}스텝 학습합니다.",
    },
    "lesson.transfer.code": {
        "en": "base = mitbadak.zoo.pretrained({base}).layers[:7]   # conv blocks + Flatten\nfor layer in base:\n    layer.trainable = False                       # frozen: no updates, BN in inference mode\nmodel = Sequential([*base, Dense(64, activation='relu'), Dropout(0.2), Dense(5)])\nmodel.compile('adam', SparseCategoricalCrossentropy(from_logits=True), ['accuracy'])\nmodel.fit(x, y, epochs=...)                       # trains the new head only\nfor layer in base:\n    layer.trainable = True\nmodel.compile({{'class_name': 'Adam', 'config': {{'lr': 3e-4}}}}, ...)  # re-compile!\nmodel.fit(x, y, epochs=...)                       # fine-tunes every layer",
        "ko": "base = mitbadak.zoo.pretrained({base}).layers[:7]   # 합성곱 블록 + Flatten\nfor layer in base:\n    layer.trainable = False                       # 고정: 갱신하지 않음, BN은 추론 모드\nmodel = Sequential([*base, Dense(64, activation='relu'), Dropout(0.2), Dense(5)])\nmodel.compile('adam', SparseCategoricalCrossentropy(from_logits=True), ['accuracy'])\nmodel.fit(x, y, epochs=...)                       # 새 헤드만 학습\nfor layer in base:\n    layer.trainable = True\nmodel.compile({{'class_name': 'Adam', 'config': {{'lr': 3e-4}}}}, ...)  # 다시 compile!\nmodel.fit(x, y, epochs=...)                       # 모든 층을 미세 조정",
    },
    "lesson.transfer.col_task": {
        "en": "task",
        "ko": "문제",
    },
    "lesson.transfer.col_labels": {
        "en": "labels per class",
        "ko": "클래스당 레이블 수",
    },
    "lesson.transfer.col_draws": {
        "en": "draws",
        "ko": "추출 횟수",
    },
    "lesson.transfer.col_frozen": {
        "en": "frozen base + head",
        "ko": "고정한 기반 모델 + 헤드",
    },
    "lesson.transfer.col_finetuned": {
        "en": "fine-tuned",
        "ko": "미세 조정",
    },
    "lesson.transfer.col_scratch": {
        "en": "scratch",
        "ko": "처음부터 학습",
    },
    "lesson.transfer.no_sizes": {
        "en": "no",
        "ko": "없음",
    },
    "lesson.transfer.result": {
        "en": "On the digits 5-9, transfer (both frozen and fine-tuned) beat training from scratch at {wins} labels per class; with 10 labels per class the frozen base is {gain:+.1f} points ahead. Edges, strokes and loops learnt on 0-4 are what 5-9 are made of too, so a few labels only have to teach the head how to combine them; from scratch, the same labels must also teach the filters. With enough labels, the network trained from scratch learns its own filters and the advantage shrinks or turns (a frozen base cannot adapt); fine-tuning stays close to the better of the two.",
        "ko": "숫자 5-9에서 전이학습(고정한 기반 모델과 미세 조정 모두)이 처음부터 학습한 모델을 앞선 클래스당 레이블 수: {wins}. 클래스당 레이블이 10개일 때 고정한 기반 모델이 {gain:+.1f}%p 앞섭니다. 0-4에서 배운 모서리, 획, 고리는 5-9를 이루는 재료이기도 하므로, 적은 레이블로는 헤드에게 그것들을 조합하는 법만 가르치면 됩니다. 처음부터 학습하면 같은 레이블로 필터까지 가르쳐야 합니다. 레이블이 충분하면 처음부터 학습한 신경망이 자기 필터를 스스로 배우므로 격차가 줄거나 뒤집힙니다(고정한 기반 모델은 새 문제에 맞춰 바뀔 수 없습니다). 미세 조정은 둘 중 나은 쪽에 가깝게 유지됩니다.",
    },
    "lesson.transfer.fashion": {
        "en": " On Fashion-MNIST the base was never shown clothes: its features still help with few labels but less, and less the more labels there are.",
        "ko": " Fashion-MNIST의 경우 기반 모델은 옷을 한 번도 본 적이 없습니다. 그래도 레이블이 적을 때는 그 특징이 도움이 되지만 덜하고, 레이블이 많을수록 더 줄어듭니다.",
    },
    "lesson.transfer.fig_frozen": {
        "en": "frozen",
        "ko": "고정",
    },
    "lesson.transfer.fig_finetuned": {
        "en": "fine-tuned",
        "ko": "미세 조정",
    },
    "lesson.transfer.fig_scratch": {
        "en": "scratch",
        "ko": "처음부터 학습",
    },
    "lesson.transfer.fig_xlabel": {
        "en": "labelled images per class",
        "ko": "클래스당 레이블이 붙은 이미지 수",
    },
    "lesson.transfer.fig_ylabel": {
        "en": "test accuracy",
        "ko": "테스트 정확도",
    },
    "lesson.transfer.fig_title": {
        "en": "{task} (base: {base})",
        "ko": "{task} (기반 모델: {base})",
    },
    "lesson.transfer.caption": {
        "en": "test accuracy against the number of labels",
        "ko": "레이블 수에 따른 테스트 정확도",
    },
    # ---- errors (MitbadakError(key=...)): classic models, inspect, interop, playground ----
    "error.classic.unknown_param": {
        "en": "{who}.set_params: unknown parameter {name!r}; expected one of {valid}",
        "ko": "{who}.set_params: 알 수 없는 매개변수 {name!r}입니다. 다음 중 하나여야 합니다: {valid}",
    },
    "error.classic.y_none": {
        "en": "{where}: {who} requires y to be passed, but the target y is None",
        "ko": "{where}: {who}에는 정답 y를 함께 주어야 하는데 y가 None입니다",
    },
    "error.classic.y_shape": {
        "en": "{where}: expected y of shape (n_samples,), got {shape}",
        "ko": "{where}: y의 모양은 (n_samples,)이어야 하는데 {shape}입니다",
    },
    "error.classic.y_shape_2d": {
        "en": "{where}: expected y of shape (n,) or (n, k), got {shape}",
        "ko": "{where}: y의 모양은 (n,) 또는 (n, k)여야 하는데 {shape}입니다",
    },
    "error.classic.not_fitted": {
        "en": "{where}: this {name} is not fitted yet; call 'fit' with appropriate arguments before using this estimator",
        "ko": "{where}: 이 {name}은(는) 아직 학습(fit)되지 않았습니다. 이 모델을 쓰기 전에 알맞은 인수로 'fit'을 먼저 호출하세요",
    },
    "error.classic.wrapper_not_fitted": {
        "en": "{where}: this {name} is not fitted yet; call fit before predict",
        "ko": "{where}: 이 {name}은(는) 아직 학습(fit)되지 않았습니다. predict 전에 fit을 먼저 호출하세요",
    },
    "error.classic.n_features": {
        "en": "{where}: X has {got} features, but {owner} is expecting {expected} features as input (expected X with {expected} features as in fit, got {got}; X.shape={shape})",
        "ko": "{where}: X의 특성은 {got}개인데 {owner}은(는) 특성 {expected}개를 입력으로 받습니다(fit 때와 같이 특성이 {expected}개인 X여야 하는데 {got}개입니다. X.shape={shape})",
    },
    "error.classic.sparse": {
        "en": "{where}: sparse input is not supported; pass X.toarray() instead",
        "ko": "{where}: 희소 행렬 입력은 지원하지 않습니다. 대신 X.toarray()를 넘기세요",
    },
    "error.classic.x_none": {
        "en": "{where}: Expected array-like (array or non-string sequence), got None",
        "ko": "{where}: 배열과 같은 값(배열이나 문자열이 아닌 시퀀스)이어야 하는데 None을 받았습니다",
    },
    "error.classic.x_array_like": {
        "en": "{where}: X must be a numeric array-like ({error})",
        "ko": "{where}: X는 숫자로 된 배열과 같은 값이어야 합니다({error})",
    },
    "error.classic.x_complex": {
        "en": "{where}: Complex data not supported (complex data is not supported, got dtype {dtype})",
        "ko": "{where}: 복소수 데이터는 지원하지 않습니다(받은 dtype: {dtype})",
    },
    "error.classic.x_numeric": {
        "en": "{where}: X must be numeric, could not convert it ({error})",
        "ko": "{where}: X는 숫자여야 하는데 숫자로 바꿀 수 없습니다({error})",
    },
    "error.classic.x_shape": {
        "en": "{where}: expected X of shape (n_samples, n_features), got {shape}{hint}",
        "ko": "{where}: X의 모양은 (n_samples, n_features)이어야 하는데 {shape}입니다{hint}",
    },
    "error.classic.x_1d_hint": {
        "en": ". Reshape your data either using X.reshape(-1, 1) if it has a single feature or X.reshape(1, -1) if it is a single sample",
        "ko": ". 특성이 하나라면 X.reshape(-1, 1)로, 샘플이 하나라면 X.reshape(1, -1)로 모양을 바꾸세요",
    },
    "error.classic.no_feature": {
        "en": "{where}: expected at least one feature: found array with 0 feature(s) (shape={shape}) while a minimum of 1 is required.",
        "ko": "{where}: 특성이 적어도 하나 있어야 하는데 특성이 0개인 배열입니다(shape={shape}).",
    },
    "error.classic.n_classes": {
        "en": "{where}: expected at least 2 classes in y, got {n} class: {classes}",
        "ko": "{where}: y에는 클래스가 적어도 2개 있어야 하는데 {n}개입니다: {classes}",
    },
    "error.classic.continuous": {
        "en": "{where}: Unknown label type: continuous targets (e.g. {example!r}); a classifier needs discrete class labels (use a regressor for continuous y)",
        "ko": "{where}: 알 수 없는 레이블 종류입니다. y가 연속값입니다(예: {example!r}). 분류 모델에는 이산적인 클래스 레이블이 필요합니다(연속값 y에는 회귀 모델을 쓰세요)",
    },
    "error.classic.number": {
        "en": "{who}: {name} must be a number, got {value!r}",
        "ko": "{who}: {name}은(는) 숫자여야 합니다. 받은 값: {value!r}",
    },
    "error.classic.finite_bound": {
        "en": "{who}: {name} must be a finite number {bound}, got {value!r}",
        "ko": "{who}: {name}은(는) {bound}인 유한한 숫자여야 합니다. 받은 값: {value!r}",
    },
    "error.classic.number_bound": {
        "en": "{who}: {name} must be a number {bound}, got {value!r}",
        "ko": "{who}: {name}은(는) {bound}인 숫자여야 합니다. 받은 값: {value!r}",
    },
    "error.classic.integer_min": {
        "en": "{who}: {name} must be an integer >= {min}, got {value!r}",
        "ko": "{who}: {name}은(는) {min} 이상의 정수여야 합니다. 받은 값: {value!r}",
    },
    "error.classic.at_least": {
        "en": "{who}: {name} must be >= {min}, got {value}",
        "ko": "{who}: {name}은(는) {min} 이상이어야 합니다. 받은 값: {value}",
    },
    "error.classic.positive": {
        "en": "{who}: {name} must be > 0, got {value!r}",
        "ko": "{who}: {name}은(는) 0보다 커야 합니다. 받은 값: {value!r}",
    },
    "error.classic.either": {
        "en": "{who}: {name} must be {a} or {b}, got {value!r}",
        "ko": "{who}: {name}은(는) {a}, {b} 중 하나여야 합니다. 받은 값: {value!r}",
    },
    "error.classic.one_of": {
        "en": "{who}: {name} must be one of {options}, got {value!r}",
        "ko": "{who}: {name}은(는) {options} 중 하나여야 합니다. 받은 값: {value!r}",
    },
    "error.classic.kmeans.too_few_samples": {
        "en": "{who}.fit: n_samples={n} should be >= n_clusters={k}; ask for fewer clusters or pass more samples",
        "ko": "{who}.fit: n_samples={n}은(는) n_clusters={k} 이상이어야 합니다. 군집 수를 줄이거나 샘플을 더 주세요",
    },
    "error.classic.kmeans.init": {
        "en": "{who}: init must be 'k-means++', 'random' or an array of shape (n_clusters, n_features), got {value!r}",
        "ko": "{who}: init은 'k-means++', 'random' 또는 모양이 (n_clusters, n_features)인 배열이어야 합니다. 받은 값: {value!r}",
    },
    "error.classic.kmeans.init_shape": {
        "en": "{who}: init array must have shape (n_clusters, n_features) = {want}, got {shape}",
        "ko": "{who}: init 배열의 모양은 (n_clusters, n_features) = {want}이어야 하는데 {shape}입니다",
    },
    "error.classic.kmeans.n_init": {
        "en": "{who}: n_init must be 'auto' or an integer >= 1, got {value!r}",
        "ko": "{who}: n_init은 'auto'이거나 1 이상의 정수여야 합니다. 받은 값: {value!r}",
    },
    "error.classic.linear.diverged": {
        "en": "LinearRegression(solver='gd'): gradient descent diverged at epoch {epoch} with eta0={eta0}; use a smaller eta0 or scale X",
        "ko": "LinearRegression(solver='gd'): 경사하강법이 에폭 {epoch}에서 발산했습니다(eta0={eta0}). eta0를 더 작게 하거나 X의 스케일을 맞추세요",
    },
    "error.classic.linear.l1_ratio": {
        "en": "{who}: l1_ratio must be in [0, 1], got {value!r}",
        "ko": "{who}: l1_ratio는 [0, 1] 범위여야 합니다. 받은 값: {value!r}",
    },
    "error.classic.linear.alphas": {
        "en": "regularization_path: expected a 1-D list of alphas, got {value!r}",
        "ko": "regularization_path: alphas는 1차원 목록이어야 합니다. 받은 값: {value!r}",
    },
    "error.classic.logistic.iter_tol": {
        "en": "LogisticRegression: max_iter must be >= 1 and tol >= 0, got max_iter={max_iter!r}, tol={tol!r}",
        "ko": "LogisticRegression: max_iter는 1 이상, tol은 0 이상이어야 합니다. 받은 값: max_iter={max_iter!r}, tol={tol!r}",
    },
    "error.classic.neighbors.p": {
        "en": "{who}: p must be a number >= 1 (or np.inf), got {value!r}",
        "ko": "{who}: p는 1 이상의 숫자(또는 np.inf)여야 합니다. 받은 값: {value!r}",
    },
    "error.classic.neighbors.k_range": {
        "en": "{who}: expected 1 <= n_neighbors <= n_samples_fit = {n}, got n_neighbors={k}",
        "ko": "{who}: 1 <= n_neighbors <= n_samples_fit = {n}이어야 하는데 n_neighbors={k}입니다",
    },
    "error.classic.pca.n_components_type": {
        "en": "PCA: n_components must be an int, a float in (0, 1) or None, got {value!r}",
        "ko": "PCA: n_components는 정수, (0, 1) 범위의 실수 또는 None이어야 합니다. 받은 값: {value!r}",
    },
    "error.classic.pca.n_components_range": {
        "en": "PCA: n_components={k} must be between 0 and min(n_samples, n_features)={limit} with svd_solver={solver!r}",
        "ko": "PCA: svd_solver={solver!r}일 때 n_components={k}은(는) 0과 min(n_samples, n_features)={limit} 사이여야 합니다",
    },
    "error.classic.pca.n_components_fraction": {
        "en": "PCA: a float n_components is a fraction of explained variance and must be in (0, 1), got {value!r}",
        "ko": "PCA: 실수인 n_components는 설명된 분산의 비율이므로 (0, 1) 범위여야 합니다. 받은 값: {value!r}",
    },
    "error.classic.pca.svd_solver": {
        "en": "PCA: svd_solver must be 'full' or 'auto' (mitbadak computes the full SVD), got {value!r}",
        "ko": "PCA: svd_solver는 'full' 또는 'auto'여야 합니다(mitbadak은 전체 SVD를 계산합니다). 받은 값: {value!r}",
    },
    "error.classic.pca.two_samples": {
        "en": "PCA.fit: needs at least 2 samples to estimate a variance, got n_samples={n}",
        "ko": "PCA.fit: 분산을 추정하려면 샘플이 적어도 2개 필요한데 n_samples={n}입니다",
    },
    "error.classic.pca.z_columns": {
        "en": "PCA.inverse_transform: expected Z with n_components_={k} columns, got shape {shape}",
        "ko": "PCA.inverse_transform: Z의 열은 n_components_={k}개여야 하는데 모양이 {shape}입니다",
    },
    "error.classic.perceptron.iters": {
        "en": "Perceptron: max_iter and n_iter_no_change must be >= 1, got {max_iter} and {n_iter_no_change}",
        "ko": "Perceptron: max_iter와 n_iter_no_change는 1 이상이어야 합니다. 받은 값: {max_iter}, {n_iter_no_change}",
    },
    "error.classic.wrapper.model": {
        "en": "{who}: model must be None, a mitbadak model (a template) or a function (n_features, n_outputs) -> model, got {type}",
        "ko": "{who}: model은 None, mitbadak 모델(템플릿) 또는 (n_features, n_outputs)을 받아 모델을 돌려주는 함수여야 합니다. 받은 값의 타입: {type}",
    },
    "error.inspect.compile_first": {
        "en": "{who}: compile the model first (model.compile(optimizer, loss))",
        "ko": "{who}: 먼저 모델을 compile해야 합니다(model.compile(optimizer, loss))",
    },
    "error.inspect.lengths": {
        "en": "{who}: x has {nx} samples, y has {ny}",
        "ko": "{who}: x의 샘플은 {nx}개인데 y는 {ny}개입니다",
    },
    "error.inspect.no_samples": {
        "en": "{who}: no samples",
        "ko": "{who}: 샘플이 하나도 없습니다",
    },
    "error.inspect.lr_range": {
        "en": "{who}: need 0 < start_lr < end_lr, got {start_lr}, {end_lr}",
        "ko": "{who}: 0 < start_lr < end_lr이어야 합니다. 받은 값: {start_lr}, {end_lr}",
    },
    "error.inspect.num_steps": {
        "en": "{who}: num_steps must be >= 2, got {num_steps}",
        "ko": "{who}: num_steps는 2 이상이어야 합니다. 받은 값: {num_steps}",
    },
    "error.inspect.smooth": {
        "en": "{who}: smooth must be in [0, 1), got {smooth}",
        "ko": "{who}: smooth는 [0, 1) 범위여야 합니다. 받은 값: {smooth}",
    },
    "error.inspect.instruments_args": {
        "en": "Instruments: sample_batches >= 1, bins >= 2, max_values >= 1",
        "ko": "Instruments: sample_batches는 1 이상, bins는 2 이상, max_values는 1 이상이어야 합니다",
    },
    "error.inspect.not_recorded": {
        "en": "Instruments.plot: no {kind} recorded (train with this callback)",
        "ko": "Instruments.plot: 기록된 {kind} 값이 없습니다(이 콜백을 넣어 학습하세요)",
    },
    "error.inspect.outputs_2d": {
        "en": "{who}: expected (samples, classes) outputs, got {shape}",
        "ko": "{who}: 모델의 출력은 (samples, classes) 모양이어야 하는데 {shape}입니다",
    },
    "error.inspect.probs_labels": {
        "en": "{who}: probs {shape} do not match {n} labels",
        "ko": "{who}: probs의 모양 {shape}이(가) 레이블 {n}개와 맞지 않습니다",
    },
    "error.inspect.no_mistakes": {
        "en": "plot_mistakes: the model made no mistakes on these samples",
        "ko": "plot_mistakes: 모델이 이 샘플들에서 하나도 틀리지 않았습니다",
    },
    "error.inspect.no_spatial_layer": {
        "en": "grad_cam: the model has no layer with (N, C, H, W) outputs",
        "ko": "grad_cam: 모델에 출력이 (N, C, H, W) 모양인 층이 없습니다",
    },
    "error.inspect.no_such_layer": {
        "en": "{who}: no layer named {layer!r}; layers: {layers}",
        "ko": "{who}: 이름이 {layer!r}인 층이 없습니다. 있는 층: {layers}",
    },
    "error.inspect.not_spatial": {
        "en": "grad_cam: layer '{layer}' gives no (N, C, H, W) output",
        "ko": "grad_cam: 층 '{layer}'의 출력은 (N, C, H, W) 모양이 아닙니다",
    },
    "error.inspect.name_a_layer": {
        "en": "layer_outputs: name a layer (the model has one weighted layer)",
        "ko": "layer_outputs: 층 이름을 지정하세요(모델에 가중치가 있는 층이 하나뿐입니다)",
    },
    "error.inspect.pca_shape": {
        "en": "pca: expected (samples >= 2, features), got {shape}",
        "ko": "pca: 특성의 모양은 (samples >= 2, features)여야 하는데 {shape}입니다",
    },
    "error.inspect.tsne_needs_sklearn": {
        "en": "representation_map: t-SNE needs scikit-learn (pip install scikit-learn); method='pca' needs nothing",
        "ko": "representation_map: t-SNE에는 scikit-learn이 필요합니다(pip install scikit-learn). method='pca'는 따로 필요한 것이 없습니다",
    },
    "error.inspect.image_shape": {
        "en": "robustness_curves: give image_shape for samples of {shape}",
        "ko": "robustness_curves: 샘플의 모양이 {shape}이므로 image_shape를 주어야 합니다",
    },
    "error.inspect.matplotlib": {
        "en": 'mitbadak.inspect: figures need matplotlib: pip install "mitbadak[plot]"',
        "ko": 'mitbadak.inspect: 그림을 그리려면 matplotlib이 필요합니다: pip install "mitbadak[plot]"',
    },
    "error.interop.not_built": {
        "en": "interop: the model is not built yet; call it on a batch first",
        "ko": "interop: 모델이 아직 만들어지지(build) 않았습니다. 먼저 배치 하나로 모델을 호출하세요",
    },
    "error.interop.unmatched_weights": {
        "en": "interop: layer {layer!r} ({type}) has weights of a kind that cannot be matched; supported: {supported}",
        "ko": "interop: 층 {layer!r}({type})의 가중치는 짝지을 수 없는 종류입니다. 지원하는 층: {supported}",
    },
    "error.interop.torch_needed": {
        "en": "from_torch: reading {file} needs PyTorch (pip install 'mitbadak[torch]'); or save the weights as .safetensors",
        "ko": "from_torch: {file}을(를) 읽으려면 PyTorch가 필요합니다(pip install 'mitbadak[torch]'). 또는 가중치를 .safetensors로 저장하세요",
    },
    "error.interop.not_torch_file": {
        "en": "{path}: not a PyTorch weights file ({error})",
        "ko": "{path}: PyTorch 가중치 파일이 아닙니다({error})",
    },
    "error.interop.not_state_dict": {
        "en": "from_torch: expected a state dict (str -> tensor), got {type}",
        "ko": "from_torch: state dict(str -> 텐서)여야 하는데 {type}을(를) 받았습니다",
    },
    "error.interop.missing_params": {
        "en": "{where}: missing {missing} (has {has})",
        "ko": "{where}: {missing}이(가) 없습니다(있는 것: {has})",
    },
    "error.interop.no_conversion": {
        "en": "{where}: no PyTorch conversion for {kind}",
        "ko": "{where}: {kind}은(는) PyTorch 형식으로 바꿀 수 없습니다",
    },
    "error.interop.module_count": {
        "en": "from_torch: the state dict has {n_groups} modules with parameters ({groups}), the model has {n_layers} layers with weights ({layers})",
        "ko": "from_torch: state dict에는 파라미터가 있는 모듈이 {n_groups}개({groups})인데, 모델에는 가중치가 있는 층이 {n_layers}개({layers})입니다",
    },
    "error.interop.torch_where": {
        "en": "from_torch: layer {layer!r} <- module {module!r}",
        "ko": "from_torch: 층 {layer!r} <- 모듈 {module!r}",
    },
    "error.interop.torch_layer": {
        "en": "from_torch: layer {layer!r}: {error}",
        "ko": "from_torch: 층 {layer!r}: {error}",
    },
    "error.interop.shapes": {
        "en": "{where}: the layer's weights have shapes {want}, the source gives {got}",
        "ko": "{where}: 층의 가중치 모양은 {want}인데 원본의 모양은 {got}입니다",
    },
    "error.interop.h5py_needed": {
        "en": "from_keras needs h5py: pip install 'mitbadak[keras-weights]'",
        "ko": "from_keras에는 h5py가 필요합니다: pip install 'mitbadak[keras-weights]'",
    },
    "error.interop.not_zip": {
        "en": "{path}: not a .keras file (not a zip archive)",
        "ko": "{path}: .keras 파일이 아닙니다(zip 압축 파일이 아닙니다)",
    },
    "error.interop.no_weights_h5": {
        "en": "{path}: a .keras archive without model.weights.h5",
        "ko": "{path}: model.weights.h5가 들어 있지 않은 .keras 압축 파일입니다",
    },
    "error.interop.not_keras_readable": {
        "en": "{path}: not a readable Keras weights file ({error})",
        "ko": "{path}: 읽을 수 있는 Keras 가중치 파일이 아닙니다({error})",
    },
    "error.interop.no_layers_group": {
        "en": "{path}: not a Keras 3 weights file (no 'layers' group)",
        "ko": "{path}: Keras 3 가중치 파일이 아닙니다('layers' 그룹이 없습니다)",
    },
    "error.interop.keras_where": {
        "en": "from_keras: layer {layer!r} <- Keras layer {keras_layer!r} of {file}",
        "ko": "from_keras: 층 {layer!r} <- {file}의 Keras 층 {keras_layer!r}",
    },
    "error.interop.not_in_file": {
        "en": "{where}: not in the file (its layers: {have})",
        "ko": "{where}: 파일에 없습니다(파일에 있는 층: {have})",
    },
    "error.interop.unused_layers": {
        "en": "from_keras: {file} has layers with weights the model does not take: {unused}",
        "ko": "from_keras: {file}에 모델이 받지 않는 가중치 층이 있습니다: {unused}",
    },
    "error.playground.label.data_set": {"en": "data set", "ko": "데이터 세트"},
    "error.playground.label.digits_data": {"en": "digits data", "ko": "숫자 데이터"},
    "error.playground.label.digits_model": {"en": "digits model", "ko": "숫자 모델"},
    "error.playground.label.hidden_units": {"en": "hidden units", "ko": "은닉 유닛 수"},
    "error.playground.label.optimizer": {"en": "optimizer", "ko": "옵티마이저"},
    "error.playground.label.learning_rate": {"en": "learning rate", "ko": "학습률"},
    "error.playground.label.batch_size": {"en": "batch size", "ko": "배치 크기"},
    "error.playground.label.seed": {"en": "seed", "ko": "시드"},
    "error.playground.label.true_class": {"en": "true class", "ko": "실제 클래스"},
    "error.playground.label.predicted_class": {"en": "predicted class", "ko": "예측 클래스"},
    "error.playground.label.noise": {"en": "noise", "ko": "노이즈"},
    "error.playground.label.ratio_of_training_data": {
        "en": "ratio of training data",
        "ko": "학습 데이터 비율",
    },
    "error.playground.label.number_of_points": {"en": "number of points", "ko": "점의 개수"},
    "error.playground.label.neurons_per_layer": {"en": "neurons per layer", "ko": "층마다 뉴런 수"},
    "error.playground.label.activation": {"en": "activation", "ko": "활성함수"},
    "error.playground.label.loss": {"en": "loss", "ko": "손실함수"},
    "error.playground.label.regularization": {"en": "regularization", "ko": "규제"},
    "error.playground.label.regularization_rate": {"en": "regularization rate", "ko": "규제율"},
    "error.playground.label.dropout": {"en": "dropout", "ko": "드롭아웃"},
    "error.playground.label.initializer": {"en": "initializer", "ko": "가중치 초기화"},
    "error.playground.choice": {
        "en": "{label}: expected one of {options}, got {value!r}",
        "ko": "{label}: {options} 중 하나여야 합니다. 받은 값: {value!r}",
    },
    "error.playground.whole": {
        "en": "{label}: expected a whole number, got {value!r}",
        "ko": "{label}: 정수여야 합니다. 받은 값: {value!r}",
    },
    "error.playground.whole_range": {
        "en": "{label}: expected a number from {lo} to {hi}, got {value}",
        "ko": "{label}: {lo}부터 {hi}까지의 숫자여야 합니다. 받은 값: {value}",
    },
    "error.playground.positive_number": {"en": "a positive number", "ko": "양수"},
    "error.playground.number_range": {
        "en": "a number from {lo:g} to {hi:g}",
        "ko": "{lo:g}부터 {hi:g}까지의 숫자",
    },
    "error.playground.number": {
        "en": "{label}: expected {what}, got {value!r}",
        "ko": "{label}: {what}여야 합니다. 받은 값: {value!r}",
    },
    "error.playground.number_at_most": {
        "en": "{label}: expected {what} (at most {hi:g}), got {value!r}",
        "ko": "{label}: {what}여야 합니다(최대 {hi:g}). 받은 값: {value!r}",
    },
    "error.playground.setup_object": {
        "en": "setup: expected an object of control values",
        "ko": "setup: 조절 항목의 값들을 담은 객체여야 합니다",
    },
    "error.playground.kind": {
        "en": "kind: expected 'playground' or 'digits', got {kind!r}",
        "ko": "kind: 'playground' 또는 'digits'여야 합니다. 받은 값: {kind!r}",
    },
    "error.playground.loss_regression": {
        "en": "loss: {loss!r} does not fit a regression data set; choose one of {options}",
        "ko": "손실함수: {loss!r}은(는) 회귀 데이터 세트에 맞지 않습니다. {options} 중에서 고르세요",
    },
    "error.playground.loss_classification": {
        "en": "loss: {loss!r} does not fit a classification data set; choose one of {options}",
        "ko": "손실함수: {loss!r}은(는) 분류 데이터 세트에 맞지 않습니다. {options} 중에서 고르세요",
    },
    "error.playground.features_choose": {
        "en": "features: choose at least one of {options}; got {value!r}",
        "ko": "특성: {options} 중에서 적어도 하나를 고르세요. 받은 값: {value!r}",
    },
    "error.playground.too_many_layers": {
        "en": "hidden layers: at most {max} layers, got {n}",
        "ko": "은닉층: 최대 {max}개까지 쓸 수 있는데 {n}개를 받았습니다",
    },
    "error.playground.csv_text": {
        "en": "CSV: expected the file's text",
        "ko": "CSV: 파일의 내용(텍스트)이어야 합니다",
    },
    "error.playground.csv_needs_file": {
        "en": "data set: 'csv' needs a file; upload one (x1,x2,label per row)",
        "ko": "데이터 세트: 'csv'에는 파일이 필요합니다. 한 줄에 x1,x2,label이 있는 파일을 올리세요",
    },
    "error.playground.unknown_dataset": {
        "en": "data set: unknown {dataset!r}; expected one of {options} (or 'csv' with the points given)",
        "ko": "데이터 세트: 알 수 없는 {dataset!r}입니다. {options} 중 하나여야 합니다(점을 함께 주면 'csv'도 됩니다)",
    },
    "error.playground.csv_empty": {
        "en": "CSV: the file is empty; expected rows of x1,x2,label",
        "ko": "CSV: 파일이 비어 있습니다. x1,x2,label 형식의 줄이 있어야 합니다",
    },
    "error.playground.csv_cells": {
        "en": "CSV line {lineno}: expected 3 values (x1,x2,label), got {n}",
        "ko": "CSV {lineno}번째 줄: 값이 3개(x1,x2,label)여야 하는데 {n}개입니다",
    },
    "error.playground.csv_numbers": {
        "en": "CSV line {lineno}: expected numbers, got {cells!r}",
        "ko": "CSV {lineno}번째 줄: 숫자여야 하는데 {cells!r}입니다",
    },
    "error.playground.csv_finite": {
        "en": "CSV line {lineno}: values must be finite numbers",
        "ko": "CSV {lineno}번째 줄: 값은 유한한 숫자여야 합니다",
    },
    "error.playground.csv_too_long": {
        "en": "CSV: more than {max:,} rows; use a smaller sample",
        "ko": "CSV: 줄이 {max:,}개보다 많습니다. 더 작은 표본을 쓰세요",
    },
    "error.playground.csv_too_short": {
        "en": "CSV: expected at least 4 rows of x1,x2,label, got {n}",
        "ko": "CSV: x1,x2,label 형식의 줄이 적어도 4개 있어야 하는데 {n}개입니다",
    },
    "error.playground.features_some": {
        "en": "features: expected some of {options}, got {value!r}",
        "ko": "특성: {options} 중에서 골라야 합니다. 받은 값: {value!r}",
    },
    "error.playground.mnist_missing": {
        "en": "MNIST: its files were not found (set MITBADAK_DATA to the folder holding them, or run load_mnist(download=True) once); the embedded digits always work",
        "ko": "MNIST: 파일을 찾지 못했습니다(MITBADAK_DATA를 파일이 있는 폴더로 지정하거나 load_mnist(download=True)를 한 번 실행하세요). 내장된 8x8 숫자 데이터는 언제든 쓸 수 있습니다",
    },
    "error.playground.image_index": {
        "en": "image: expected an index, got {index!r}",
        "ko": "이미지: 번호(인덱스)여야 합니다. 받은 값: {index!r}",
    },
    "error.playground.image_range": {
        "en": "image: expected an index from 0 to {last}",
        "ko": "이미지: 번호(인덱스)는 0부터 {last}까지여야 합니다",
    },
    "error.playground.drawing_list": {
        "en": "drawing: expected a list of numbers",
        "ko": "그림: 숫자 목록이어야 합니다",
    },
    "error.playground.drawing_size": {
        "en": "drawing: expected {n} finite numbers, got {got}",
        "ko": "그림: 유한한 숫자 {n}개여야 하는데 {got}개입니다",
    },
    "error.playground.unknown_optimizer": {
        "en": "optimizer: unknown {name!r}",
        "ko": "옵티마이저: 알 수 없는 {name!r}입니다",
    },
    "error.playground.diverged": {
        "en": "training diverged at epoch {epoch}: the loss is not a finite number; try a smaller learning rate",
        "ko": "에폭 {epoch}에서 학습이 발산했습니다. 손실이 유한한 숫자가 아닙니다. 학습률을 더 작게 해 보세요",
    },
    "error.playground.internal": {
        "en": "internal error: {type}: {error}",
        "ko": "내부 오류: {type}: {error}",
    },
    "error.playground.bad_length": {
        "en": "bad Content-Length",
        "ko": "Content-Length 헤더가 올바르지 않습니다",
    },
    "error.playground.too_large": {
        "en": "request too large ({n:,} bytes; at most {max:,})",
        "ko": "요청이 너무 큽니다({n:,}바이트, 최대 {max:,}바이트)",
    },
    "error.playground.not_json": {
        "en": "the request is not valid JSON",
        "ko": "요청이 올바른 JSON이 아닙니다",
    },
    "error.playground.json_object": {
        "en": "expected a JSON object",
        "ko": "요청은 JSON 객체여야 합니다",
    },
    "error.playground.expired": {
        "en": "this training session has expired; reload the page",
        "ko": "이 학습 세션은 만료되었습니다. 페이지를 새로 고치세요",
    },
    "error.playground.no_page": {
        "en": "no such page: {path}",
        "ko": "그런 페이지가 없습니다: {path}",
    },
    "error.playground.no_call": {
        "en": "no such API call: {call}",
        "ko": "그런 API 호출이 없습니다: {call}",
    },
    "error.playground.state_numbers": {
        "en": "state: epoch and version must be numbers",
        "ko": "state: epoch와 version은 숫자여야 합니다",
    },
    "error.playground.digits_only": {
        "en": "{action}: only for the digits tab",
        "ko": "{action}: Digits 탭에서만 쓸 수 있습니다",
    },
    "error.playground.playground_only": {
        "en": "{action}: only for the playground tab",
        "ko": "{action}: Playground 탭에서만 쓸 수 있습니다",
    },
    "error.playground.use_post": {
        "en": "{action}: use POST",
        "ko": "{action}: POST로 요청하세요",
    },
    "error.playground.port_in_use": {
        "en": "port {port} on {host} is already in use; choose another with --port N",
        "ko": "{host}의 포트 {port}은(는) 이미 쓰이고 있습니다. --port N으로 다른 포트를 고르세요",
    },
    "error.playground.port_not_allowed": {
        "en": "port {port} on {host} is not allowed; choose another with --port N",
        "ko": "{host}의 포트 {port}은(는) 쓸 권한이 없습니다. --port N으로 다른 포트를 고르세요",
    },
    "error.playground.cannot_listen": {
        "en": "cannot listen on {host}:{port}: {error}",
        "ko": "{host}:{port}에서 요청을 받을 수 없습니다: {error}",
    },
    # ---- errors (MitbadakError(key=...)): models, layers, losses, metrics, optimizers, tensors ----
    "error.layer.no_call": {
        "en": "{cls} '{name}': define call(self, inputs) (Keras) or forward(self, x) (PyTorch)",
        "ko": "{cls} '{name}': 층이 할 계산을 정의해야 합니다. call(self, inputs)(Keras 방식)나 forward(self, x)(PyTorch 방식)를 만들어 주세요",
    },
    "error.losses.no_call": {
        "en": "{cls}: define call() or compute()",
        "ko": "{cls}: 손실을 계산할 call()이나 compute()를 정의해야 합니다",
    },
    "error.model.layer_named_layers": {
        "en": "no layer named {name!r}; layers are {names}",
        "ko": "{name!r}이라는 이름의 층이 없습니다. 있는 층: {names}",
    },
    "error.model.invalid_compile_config": {
        "en": "invalid compile config",
        "ko": "compile 설정이 올바르지 않습니다",
    },
    "error.model.compile_model_first": {
        "en": "{who}: compile the model first, e.g. model.compile('adam', 'sparse_categorical_crossentropy', metrics=['accuracy'])",
        "ko": "{who}: 먼저 모델을 compile해야 합니다. 예: model.compile('adam', 'sparse_categorical_crossentropy', metrics=['accuracy'])",
    },
    "error.model.least_sample_x": {
        "en": "{who}: expected at least one sample, got x of shape {shape}",
        "ko": "{who}: 샘플이 적어도 하나 있어야 하는데, 받은 x의 모양은 {shape}입니다",
    },
    "error.model.validation_split": {
        "en": "fit: validation_split must be in (0, 1), got {validation_split}",
        "ko": "fit: validation_split은 (0, 1) 범위여야 하는데 {validation_split}을(를) 받았습니다",
    },
    "error.model.validation_split_leaves_empty": {
        "en": "fit: validation_split={validation_split} leaves an empty part",
        "ko": "fit: validation_split={validation_split}(으)로 나누면 한쪽이 비게 됩니다",
    },
    "error.model.augment_function_x_batch": {
        "en": "fit: augment must be a function (x_batch, rng) -> x_batch",
        "ko": "fit: augment는 (x_batch, rng) -> x_batch 꼴의 함수여야 합니다",
    },
    "error.model.input_holds_batch": {
        "en": "predict: the input holds no batch",
        "ko": "predict: 입력에 배치가 하나도 없습니다",
    },
    "error.model.layer": {
        "en": "Sequential.add: expected a Layer, got {layer_type}",
        "ko": "Sequential.add: Layer가 와야 하는데 {layer_type}을(를) 받았습니다",
    },
    "error.model.layer_named_already": {
        "en": "Sequential.add: a layer named {name!r} is already there",
        "ko": "Sequential.add: {name!r}이라는 이름의 층이 이미 있습니다",
    },
    "error.model.model_layers": {
        "en": "Sequential.pop: the model has no layers",
        "ko": "Sequential.pop: 모델에 층이 하나도 없습니다",
    },
    "error.model.call.model_layers": {
        "en": "Sequential: the model has no layers",
        "ko": "Sequential: 모델에 층이 하나도 없습니다",
    },
    "error.model.input_shape_batch": {
        "en": "Sequential '{name}': expected input of shape (batch, {dims}), got {shape}",
        "ko": "Sequential '{name}': 입력의 모양은 (batch, {dims})여야 하는데 {shape}을(를) 받았습니다",
    },
    "error.model.layers_list": {
        "en": "Sequential config: 'layers' must be a list",
        "ko": "Sequential 설정: 'layers'는 리스트여야 합니다",
    },
    "error.model.interpret_optimizer": {
        "en": "compile: cannot interpret {optimizer!r} as an optimizer",
        "ko": "compile: {optimizer!r}을(를) 옵티마이저로 해석할 수 없습니다",
    },
    "error.model.unknown_optimizer": {
        "en": "compile: unknown optimizer {optimizer!r}; expected one of {names}",
        "ko": "compile: 알 수 없는 옵티마이저 {optimizer!r}입니다. 다음 중 하나여야 합니다: {names}",
    },
    "error.model.invalid_multi_output": {
        "en": "invalid multi-output compile config",
        "ko": "다중 출력 compile 설정이 올바르지 않습니다",
    },
    "error.model.compile_from_config.invalid_multi_output": {
        "en": "invalid multi-output metrics config",
        "ko": "다중 출력 metrics 설정이 올바르지 않습니다",
    },
    "error.model.invalid_metric_spec": {
        "en": "invalid metric spec {m!r}",
        "ko": "올바르지 않은 평가지표 지정 {m!r}입니다",
    },
    "error.model.unknown_optimizer_config": {
        "en": "unknown optimizer config {opt_spec!r}",
        "ko": "알 수 없는 옵티마이저 설정 {opt_spec!r}입니다",
    },
    "error.model.invalid_optimizer_spec": {
        "en": "invalid optimizer spec {opt_spec!r}",
        "ko": "올바르지 않은 옵티마이저 지정 {opt_spec!r}입니다",
    },
    "error.model.compile_loss_model": {
        "en": "model '{name}': compile got no loss and the model adds none (self.add_loss); give compile a loss, e.g. loss='mse'",
        "ko": "모델 '{name}': compile에 손실함수가 없고 모델이 더하는 손실(self.add_loss)도 없습니다. compile에 손실함수를 주세요. 예: loss='mse'",
    },
    "error.model.y_targets_missing": {
        "en": "{who}: y (the targets) is missing",
        "ko": "{who}: y(정답)가 없습니다",
    },
    "error.model.class_weight_needs_model": {
        "en": "{who}: class_weight needs a model with one output",
        "ko": "{who}: class_weight는 출력이 하나인 모델에서만 쓸 수 있습니다",
    },
    "error.model.validation_data_x_val_y_val": {
        "en": "fit: validation_data must be (x_val, y_val[, sample_weight])",
        "ko": "fit: validation_data는 (x_val, y_val[, sample_weight]) 꼴이어야 합니다",
    },
    "error.model.dataloader_iterable_batches": {
        "en": "fit: with a DataLoader or an iterable of batches, y must be None",
        "ko": "fit: DataLoader나 배치의 반복 가능 객체를 줄 때는 y가 None이어야 합니다",
    },
    "error.model.validation_split_needs_arrays": {
        "en": "fit: validation_split needs arrays; give validation_data",
        "ko": "fit: validation_split은 배열에만 쓸 수 있습니다. validation_data를 주세요",
    },
    "error.model.did_return_optimizer": {
        "en": "compile: {spec} did not return an Optimizer",
        "ko": "compile: {spec}이(가) Optimizer를 돌려주지 않았습니다",
    },
    "error.model.optimizer_holds_tensors": {
        "en": "compile: the optimizer holds {n_params} tensors, none of them a weight of model '{name}' (was it built on another model's parameters?); build it on model.parameters() or pass a name like 'adam'",
        "ko": "compile: 옵티마이저가 가진 텐서 {n_params}개 중 어느 것도 모델 '{name}'의 가중치가 아닙니다(다른 모델의 파라미터로 만든 것은 아닌가요?). model.parameters()로 만들거나 'adam' 같은 이름을 주세요",
    },
    "error.model.xy_scalar": {
        "en": "{who}: x has {n} samples but y has a scalar; they must match",
        "ko": "{who}: x에는 샘플이 {n}개 있는데 y는 스칼라입니다. 개수가 같아야 합니다",
    },
    "error.model.xy_lengths": {
        "en": "{who}: x has {n} samples but y has {n_y}; they must match",
        "ko": "{who}: x에는 샘플이 {n}개 있는데 y에는 {n_y}개 있습니다. 개수가 같아야 합니다",
    },
    "error.layer.shape_tuple_integers": {
        "en": "expected a shape (a tuple of integers) or a structure of shapes, got {shapes!r}",
        "ko": "모양(정수의 튜플)이나 모양들의 구조가 와야 하는데 {shapes!r}을(를) 받았습니다",
    },
    "error.layer.invalid_layer_spec": {
        "en": "invalid layer spec {spec!r}",
        "ko": "올바르지 않은 층 지정 {spec!r}입니다",
    },
    "error.layer.unknown_layer_class": {
        "en": "unknown layer class {spec!r}",
        "ko": "알 수 없는 층 클래스 {spec!r}입니다",
    },
    "error.layer.invalid_config_layer": {
        "en": "invalid config for layer {spec!r}",
        "ko": "층 {spec!r}의 설정이 올바르지 않습니다",
    },
    "error.layer.give_only_input_shape": {
        "en": "{self_type} '{name}': give only one of input_shape, input_dim and batch_input_shape",
        "ko": "{self_type} '{name}': input_shape, input_dim, batch_input_shape 중 하나만 주어야 합니다",
    },
    "error.layer.init___did_call": {
        "en": "{self_type}: its __init__ did not call super().__init__() (needed before setting attributes or using the layer; looked up {option!r})",
        "ko": "{self_type}: __init__에서 super().__init__()를 호출하지 않았습니다(속성을 설정하거나 층을 쓰기 전에 필요합니다. 찾던 속성: {option!r})",
    },
    "error.layer.takes_most_positional": {
        "en": "{who} takes at most {n_fields} positional arguments",
        "ko": "{who}은(는) 위치 인자를 최대 {n_fields}개까지 받습니다",
    },
    "error.layer.unknown_argument_s": {
        "en": "{who}: unknown argument(s) {unknown}",
        "ko": "{who}: 알 수 없는 인자 {unknown}",
    },
    "error.layer.weight_constraints_supported": {
        "en": "{who}: weight constraints are not supported by mitbadak",
        "ko": "{who}: mitbadak은 가중치 제약(constraint)을 지원하지 않습니다",
    },
    "error.layer.shape_negative": {
        "en": "{who}: shape must not be negative, got {shape}",
        "ko": "{who}: 모양에 음수가 있으면 안 되는데 {shape}을(를) 받았습니다",
    },
    "error.layer.dict_name_array": {
        "en": "{who}: expected a dict name -> array, got {state_type}",
        "ko": "{who}: 이름 -> 배열의 dict가 와야 하는데 {state_type}을(를) 받았습니다",
    },
    "error.layer.set_weights_before_layer": {
        "en": "{name}: set_weights before the layer is built (call it once)",
        "ko": "{name}: 층이 만들어지기 전에 set_weights를 불렀습니다(먼저 한 번 호출해 보세요)",
    },
    "error.layer.set_weights_arrays": {
        "en": "{name}: set_weights expected {n_ws} arrays, got {n_values}",
        "ko": "{name}: set_weights에는 배열이 {n_ws}개 필요한데 {n_values}개를 받았습니다",
    },
    "error.layer.numeric_input_dtype": {
        "en": "{self_type} '{name}': expected numeric input, got dtype {dtype}",
        "ko": "{self_type} '{name}': 입력은 숫자여야 하는데 dtype {dtype}을(를) 받았습니다",
    },
    "error.layer.declared_input_shape_input": {
        "en": "{self_type} '{name}': declared input_shape {want}, got input of shape {shape} (batch first)",
        "ko": "{self_type} '{name}': input_shape를 {want}(으)로 선언했는데 모양이 {shape}인 입력을 받았습니다(배치 축이 맨 앞)",
    },
    "error.layer.input_complex_layers": {
        "en": "{self_type} '{name}': the input is complex ({dtype}); layers work on real numbers",
        "ko": "{self_type} '{name}': 입력이 복소수({dtype})입니다. 층은 실수에서만 동작합니다",
    },
    "error.layer.register_forward_hook_expects_function": {
        "en": "{name}: register_forward_hook expects a function, got {hook!r}",
        "ko": "{name}: register_forward_hook에는 함수가 와야 하는데 {hook!r}을(를) 받았습니다",
    },
    "error.layer.error": {
        "en": "invalid config for layer {spec!r}: {e}",
        "ko": "층 {spec!r}의 설정이 올바르지 않습니다: {e}",
    },
    "error.layer.input_shape_input_dim_integers": {
        "en": "{self_type} '{name}': input_shape / input_dim must be integers (None for any size), got {given!r}",
        "ko": "{self_type} '{name}': input_shape / input_dim은 정수여야 합니다(아무 크기나 허용하려면 None). 받은 값: {given!r}",
    },
    "error.layer.shape_integers": {
        "en": "{who}: shape must be integers, got {shape!r}",
        "ko": "{who}: 모양은 정수여야 하는데 {shape!r}을(를) 받았습니다",
    },
    "error.layer.declares_weight_shape": {
        "en": "{source}: {who} declares a weight of shape {shape} ({size} values), more than the file holds ({left} values left); corrupt or forged file",
        "ko": "{source}: {who}이(가) 모양 {shape}({size}개 값)의 가중치를 선언하지만, 파일에 남은 값은 {left}개뿐입니다. 손상되었거나 위조된 파일입니다",
    },
    "error.layer.holds_dtype_numbers": {
        "en": "{who}: {n!r} holds dtype {dtype}, expected numbers",
        "ko": "{who}: {n!r}의 dtype이 {dtype}입니다. 숫자여야 합니다",
    },
    "error.layer.shape_model_s": {
        "en": "{who}: {n!r} has shape {shape}, the model's weight has {shape2}",
        "ko": "{who}: {n!r}의 모양은 {shape}인데 모델의 가중치 모양은 {shape2}입니다",
    },
    "error.layer.weight_shape_array": {
        "en": "{name}: weight {name2} has shape {shape}, got an array of {shape2}",
        "ko": "{name}: 가중치 {name2}의 모양은 {shape}인데 모양이 {shape2}인 배열을 받았습니다",
    },
    "error.layer.add_loss_float_tensor": {
        "en": "{self_type} '{name}': add_loss expected a float tensor, got dtype {dtype}",
        "ko": "{self_type} '{name}': add_loss에는 실수 텐서가 와야 하는데 dtype {dtype}을(를) 받았습니다",
    },
    "error.layer.call_takes_argument": {
        "en": "{self_type} '{name}': call() takes no argument {k!r}",
        "ko": "{self_type} '{name}': call()은 {k!r} 인자를 받지 않습니다",
    },
    "error.losses.key_class_index": {
        "en": "{op}: key {k!r} is not a class index (expected 0, 1, 2, ...)",
        "ko": "{op}: 키 {k!r}은(는) 클래스 번호가 아닙니다(0, 1, 2, ... 이어야 합니다)",
    },
    "error.losses.interpret_loss": {
        "en": "cannot interpret {identifier!r} as a loss",
        "ko": "{identifier!r}을(를) 손실함수로 해석할 수 없습니다",
    },
    "error.losses.label_weight_class_weight": {
        "en": "{op}: label {bad} has no weight: class_weight covers classes 0..{last}",
        "ko": "{op}: 레이블 {bad}에 가중치가 없습니다. class_weight는 클래스 0..{last}만 다룹니다",
    },
    "error.losses.label_class_model": {
        "en": "{op}: label {max} is not a class of a model with {num_classes} outputs (classes 0..{last})",
        "ko": "{op}: 레이블 {max}은(는) 출력이 {num_classes}개인 모델의 클래스가 아닙니다(클래스는 0..{last})",
    },
    "error.losses.names_class_but": {
        "en": "{op}: names class {beyond}, but the model scores {num_classes} classes (0..{last})",
        "ko": "{op}: 클래스 {beyond}을(를) 지정했지만 모델은 클래스 {num_classes}개(0..{last})에 점수를 냅니다",
    },
    "error.losses.sample_weight_negative_values": {
        "en": "{who}: sample_weight has negative values (min {min})",
        "ko": "{who}: sample_weight에 음수가 있습니다(최솟값 {min})",
    },
    "error.losses.sample_weight_values_samples": {
        "en": "{who}: sample_weight has {n_w} values for {n} samples",
        "ko": "{who}: 샘플은 {n}개인데 sample_weight의 값은 {n_w}개입니다",
    },
    "error.losses.class_weight_dict_list": {
        "en": "{who}: class_weight must be a dict {{class: weight}} or a list",
        "ko": "{who}: class_weight는 dict {{클래스: 가중치}}나 리스트여야 합니다",
    },
    "error.losses.unexpected_argument": {
        "en": "{who}: unexpected argument {k!r}",
        "ko": "{who}: 예상하지 못한 인자 {k!r}입니다",
    },
    "error.losses.supported_mitbadak": {
        "en": "{who}: {k}={v!r} is not supported by mitbadak",
        "ko": "{who}: mitbadak은 {k}={v!r}을(를) 지원하지 않습니다",
    },
    "error.losses.integer_labels_shape": {
        "en": "{self_type}: expected integer labels of shape ({n_y_pred},), got {shape}; for one-hot targets use CategoricalCrossentropy",
        "ko": "{self_type}: 모양이 ({n_y_pred},)인 정수 레이블이 와야 하는데 {shape}을(를) 받았습니다. 원-핫 정답에는 CategoricalCrossentropy를 쓰세요",
    },
    "error.losses.hot_targets_predictions": {
        "en": "{self_type}: one-hot targets must have the predictions' shape {shape}, got {shape2}; for integer labels use SparseCategoricalCrossentropy",
        "ko": "{self_type}: 원-핫 정답은 예측과 같은 모양 {shape}이어야 하는데 {shape2}을(를) 받았습니다. 정수 레이블에는 SparseCategoricalCrossentropy를 쓰세요",
    },
    "error.losses.hot_targets_lie": {
        "en": "{self_type}: one-hot targets must lie in [0, 1]",
        "ko": "{self_type}: 원-핫 정답은 [0, 1] 범위에 있어야 합니다",
    },
    "error.losses.unknown_loss": {
        "en": "unknown loss {identifier!r}; expected one of {names}",
        "ko": "알 수 없는 손실함수 {identifier!r}입니다. 다음 중 하나여야 합니다: {names}",
    },
    "error.losses.labels_whole_numbers": {
        "en": "{op}: labels must be whole numbers to look up class weights",
        "ko": "{op}: 클래스 가중치를 찾으려면 레이블이 정수여야 합니다",
    },
    "error.losses.labels_class_indices": {
        "en": "{op}: labels must be class indices, got dtype {dtype}",
        "ko": "{op}: 레이블은 클래스 번호여야 하는데 dtype {dtype}을(를) 받았습니다",
    },
    "error.losses.class_negative": {
        "en": "{op}: class {k} is negative",
        "ko": "{op}: 클래스 {k}이(가) 음수입니다",
    },
    "error.losses.sample_weight_entries_samples": {
        "en": "{self_type}: sample_weight has {n_w} entries for {n_y_pred} samples",
        "ko": "{self_type}: 샘플은 {n_y_pred}개인데 sample_weight의 항목은 {n_w}개입니다",
    },
    "error.losses.labels_shape_do": {
        "en": "{self_type}: labels of shape {shape} do not fit predictions of shape {shape2}; expected {expected}",
        "ko": "{self_type}: 모양이 {shape}인 레이블은 모양이 {shape2}인 예측과 맞지 않습니다. {expected}이어야 합니다",
    },
    "error.losses.per_step.hot_targets_predictions": {
        "en": "{self_type}: one-hot targets must have the predictions' shape {shape}, got {shape2}",
        "ko": "{self_type}: 원-핫 정답은 예측과 같은 모양 {shape}이어야 하는데 {shape2}을(를) 받았습니다",
    },
    "error.losses.apply_sample_class": {
        "en": "loss function {name!r}: to apply sample or class weights it must return one loss per sample, shape ({n_y_pred},), got {shape}",
        "ko": "손실함수 {name!r}: 샘플 가중치나 클래스 가중치를 적용하려면 샘플마다 손실 하나, 즉 모양 ({n_y_pred},)을 돌려줘야 하는데 {shape}을(를) 돌려주었습니다",
    },
    "error.layer.state_names.missing": {
        "en": "{who}: the names do not match the model's weights\n  missing: {missing}\n  the model's names: {names}\n  pass strict=False to load the names that match",
        "ko": "{who}: 이름이 모델의 가중치와 맞지 않습니다\n  빠진 것: {missing}\n  모델의 이름: {names}\n  이름이 맞는 것만 불러오려면 strict=False를 주세요",
    },
    "error.layer.state_names.unexpected": {
        "en": "{who}: the names do not match the model's weights\n  unexpected: {unexpected}\n  the model's names: {names}\n  pass strict=False to load the names that match",
        "ko": "{who}: 이름이 모델의 가중치와 맞지 않습니다\n  예상하지 못한 것: {unexpected}\n  모델의 이름: {names}\n  이름이 맞는 것만 불러오려면 strict=False를 주세요",
    },
    "error.layer.state_names.both": {
        "en": "{who}: the names do not match the model's weights\n  missing: {missing}\n  unexpected: {unexpected}\n  the model's names: {names}\n  pass strict=False to load the names that match",
        "ko": "{who}: 이름이 모델의 가중치와 맞지 않습니다\n  빠진 것: {missing}\n  예상하지 못한 것: {unexpected}\n  모델의 이름: {names}\n  이름이 맞는 것만 불러오려면 strict=False를 주세요",
    },
    "error.layer.state_names.unbuilt": {
        "en": "{who}: the names do not match the model's weights\n  unexpected: {unexpected}\n  (the model has no weights yet: build it or call it on a batch)\n  the model's names: {names}\n  pass strict=False to load the names that match",
        "ko": "{who}: 이름이 모델의 가중치와 맞지 않습니다\n  예상하지 못한 것: {unexpected}\n  (모델에 아직 가중치가 없습니다. build하거나 배치 하나로 호출해 보세요)\n  모델의 이름: {names}\n  이름이 맞는 것만 불러오려면 strict=False를 주세요",
    },
    "error.metrics.y_true_samples_but": {
        "en": "{name}: y_true has {n_y_true} samples but y_pred has {n_y_pred}; they must match",
        "ko": "{name}: y_true에는 샘플이 {n_y_true}개인데 y_pred에는 {n_y_pred}개입니다. 개수가 같아야 합니다",
    },
    "error.metrics.hot_y_true_shape": {
        "en": "categorical_accuracy: expected one-hot y_true of shape {shape}, got {shape2}",
        "ko": "categorical_accuracy: 모양이 {shape}인 원-핫 y_true가 와야 하는데 {shape2}을(를) 받았습니다",
    },
    "error.metrics.scores_shape_batch": {
        "en": "top_k_accuracy: expected scores of shape (batch, classes), got {shape}",
        "ko": "top_k_accuracy: 점수의 모양은 (batch, classes)여야 하는데 {shape}을(를) 받았습니다",
    },
    "error.metrics.labels_whole_numbers": {
        "en": "top_k_accuracy: labels must be whole numbers (class indices)",
        "ko": "top_k_accuracy: 레이블은 정수(클래스 번호)여야 합니다",
    },
    "error.metrics.labels": {
        "en": "top_k_accuracy: labels must be in 0..{last}, got {min}..{max}",
        "ko": "top_k_accuracy: 레이블은 0..{last} 범위여야 하는데 {min}..{max}을(를) 받았습니다",
    },
    "error.metrics.average": {
        "en": "{kind}: average must be one of {choices}, got {average!r}",
        "ko": "{kind}: average는 {choices} 중 하나여야 하는데 {average!r}을(를) 받았습니다",
    },
    "error.metrics.thresholds_numbers": {
        "en": "thresholds must be numbers in [0, 1], got {thresholds!r}",
        "ko": "thresholds는 [0, 1] 범위의 숫자여야 하는데 {thresholds!r}을(를) 받았습니다",
    },
    "error.metrics.y_true_shape_does": {
        "en": "y_true of shape {shape} does not fit y_pred of shape {shape2}",
        "ko": "모양이 {shape}인 y_true는 모양이 {shape2}인 y_pred와 맞지 않습니다",
    },
    "error.metrics.interpret_metric": {
        "en": "cannot interpret {identifier!r} as a metric",
        "ko": "{identifier!r}을(를) 평가지표로 해석할 수 없습니다",
    },
    "error.metrics.unknown_metric": {
        "en": "unknown metric {identifier!r}; expected one of {names}",
        "ko": "알 수 없는 평가지표 {identifier!r}입니다. 다음 중 하나여야 합니다: {names}",
    },
    "error.metrics.labels_shape_do": {
        "en": "sparse_categorical_accuracy: labels of shape {shape} do not fit scores of shape {shape2}; expected {expected}",
        "ko": "sparse_categorical_accuracy: 모양이 {shape}인 레이블은 모양이 {shape2}인 점수와 맞지 않습니다. {expected}이어야 합니다",
    },
    "error.metrics.labels_outside_num_classes": {
        "en": "confusion_matrix: {name} has labels outside [0, {last}] for num_classes={num_classes}",
        "ko": "confusion_matrix: {name}에 num_classes={num_classes}의 범위 [0, {last}]를 벗어난 레이블이 있습니다",
    },
    "error.metrics.average_binary_needs": {
        "en": "{kind}: average='binary' needs two classes, got {n_cm}; use 'macro', 'micro' or 'weighted'",
        "ko": "{kind}: average='binary'는 클래스가 두 개여야 하는데 {n_cm}개입니다. 'macro', 'micro', 'weighted' 중 하나를 쓰세요",
    },
    "error.metrics.unknown_arguments": {
        "en": "{self_type}: unknown arguments {kwargs}",
        "ko": "{self_type}: 알 수 없는 인자 {kwargs}",
    },
    "error.metrics.init.average": {
        "en": "{self_type}: average must be one of {choices}",
        "ko": "{self_type}: average는 {choices} 중 하나여야 합니다",
    },
    "error.metrics.function": {
        "en": "MeanMetricWrapper: expected a function, got {fn!r}",
        "ko": "MeanMetricWrapper: 함수가 와야 하는데 {fn!r}을(를) 받았습니다",
    },
    "error.metrics.curve_roc_pr": {
        "en": "AUC: curve must be 'ROC' or 'PR', got {curve!r}",
        "ko": "AUC: curve는 'ROC'나 'PR'이어야 하는데 {curve!r}을(를) 받았습니다",
    },
    "error.metrics.only_summation_method_interpolation": {
        "en": "AUC: only summation_method='interpolation' is supported",
        "ko": "AUC: summation_method='interpolation'만 지원합니다",
    },
    "error.metrics.unknown_metric_config": {
        "en": "unknown metric config {identifier!r}",
        "ko": "알 수 없는 평가지표 설정 {identifier!r}입니다",
    },
    "error.metrics.supported_mitbadak": {
        "en": "AUC: {k} is not supported by mitbadak",
        "ko": "AUC: mitbadak은 {k}을(를) 지원하지 않습니다",
    },
    "error.metrics.num_thresholds": {
        "en": "AUC: num_thresholds must be > 1, got {num_thresholds}",
        "ko": "AUC: num_thresholds는 1보다 커야 하는데 {num_thresholds}을(를) 받았습니다",
    },
    "error.metrics.error": {
        "en": "invalid config for metric {cls_name}: {e}",
        "ko": "평가지표 {cls_name}의 설정이 올바르지 않습니다: {e}",
    },
    "error.optimizers.interpret_optimizer": {
        "en": "cannot interpret {identifier!r} as an optimizer",
        "ko": "{identifier!r}을(를) 옵티마이저로 해석할 수 없습니다",
    },
    "error.optimizers.lr_number_schedule": {
        "en": "{name}: lr must be a number >= 0 or a schedule, got {got}",
        "ko": "{name}: 학습률 lr은 0 이상의 숫자나 스케줄이어야 하는데 {got}을(를) 받았습니다",
    },
    "error.optimizers.optimizer_already_bound": {
        "en": "{name}.build: this optimizer is already bound to {n_params} other parameters; create one optimizer per model",
        "ko": "{name}.build: 이 옵티마이저는 이미 다른 파라미터 {n_params}개에 연결되어 있습니다. 모델마다 옵티마이저를 하나씩 만드세요",
    },
    "error.optimizers.empty_parameter_list": {
        "en": "{name}: got an empty parameter list",
        "ko": "{name}: 파라미터 목록이 비어 있습니다",
    },
    "error.optimizers.lr": {
        "en": "{name}: lr must be >= 0, got {h}",
        "ko": "{name}: 학습률 lr은 0 이상이어야 하는데 {h}을(를) 받았습니다",
    },
    "error.optimizers.weight_decay": {
        "en": "{name}: weight_decay must be >= 0, got {h}",
        "ko": "{name}: weight_decay는 0 이상이어야 하는데 {h}을(를) 받았습니다",
    },
    "error.optimizers.optimizer_parameters_yet": {
        "en": "{self_type}: the optimizer has no parameters yet; call optimizer.build(model.trainable_weights) (compile does it)",
        "ko": "{self_type}: 옵티마이저에 아직 파라미터가 없습니다. optimizer.build(model.trainable_weights)를 호출하세요(compile이 대신 해 줍니다)",
    },
    "error.optimizers.needs_single_parameter": {
        "en": "{self_type}.rebind: needs a single parameter group, this optimizer has {n_param_groups}",
        "ko": "{self_type}.rebind: 파라미터 그룹이 하나여야 하는데 이 옵티마이저에는 {n_param_groups}개가 있습니다",
    },
    "error.optimizers.distinct_tensors": {
        "en": "{self_type}.rebind: expected distinct Tensors",
        "ko": "{self_type}.rebind: 서로 다른 Tensor들이 와야 합니다",
    },
    "error.optimizers.state": {
        "en": "{where}: the state is of {got!r}, not {name}",
        "ko": "{where}: 이 상태는 {name}이 아니라 {got!r}의 것입니다",
    },
    "error.optimizers.steps_iterations_counts": {
        "en": "{where}: 'steps' and 'iterations' must be counts >= 0",
        "ko": "{where}: 'steps'와 'iterations'는 0 이상의 횟수여야 합니다",
    },
    "error.optimizers.state_parameters_optimizer": {
        "en": "{where}: state for {n_steps} parameters, this optimizer has {n_params}",
        "ko": "{where}: 상태는 파라미터 {n_steps}개의 것인데 이 옵티마이저의 파라미터는 {n_params}개입니다",
    },
    "error.optimizers.parameter_groups_sizes": {
        "en": "{where}: parameter groups of sizes {sizes}, expected {expected}",
        "ko": "{where}: 파라미터 그룹의 크기가 {sizes}인데 {expected}이어야 합니다",
    },
    "error.optimizers.arrays_dict_arrays": {
        "en": "{where}: 'arrays' must be a dict of arrays",
        "ko": "{where}: 'arrays'는 배열의 dict여야 합니다",
    },
    "error.optimizers.momentum": {
        "en": "SGD: momentum must be in [0, 1), got {h}",
        "ko": "SGD: momentum은 [0, 1) 범위여야 하는데 {h}을(를) 받았습니다",
    },
    "error.optimizers.nesterov_true_needs": {
        "en": "SGD: nesterov=True needs a momentum > 0 and dampening 0",
        "ko": "SGD: nesterov=True를 쓰려면 momentum이 0보다 크고 dampening이 0이어야 합니다",
    },
    "error.optimizers.lr_decay_initial_accumulator_value": {
        "en": "Adagrad: lr_decay and initial_accumulator_value must be >= 0",
        "ko": "Adagrad: lr_decay와 initial_accumulator_value는 0 이상이어야 합니다",
    },
    "error.optimizers.alpha_momentum": {
        "en": "RMSprop: alpha must be in [0, 1] and momentum in [0, 1), got {h}, {h2}",
        "ko": "RMSprop: alpha는 [0, 1], momentum은 [0, 1) 범위여야 하는데 {h}, {h2}을(를) 받았습니다",
    },
    "error.optimizers.betas_two_numbers": {
        "en": "{name}: betas must be two numbers in [0, 1), got {h}",
        "ko": "{name}: betas는 [0, 1) 범위의 숫자 두 개여야 하는데 {h}을(를) 받았습니다",
    },
    "error.optimizers.unknown_optimizer_config": {
        "en": "unknown optimizer config {identifier!r}",
        "ko": "알 수 없는 옵티마이저 설정 {identifier!r}입니다",
    },
    "error.optimizers.unknown_optimizer": {
        "en": "unknown optimizer {identifier!r}; expected one of {names}",
        "ko": "알 수 없는 옵티마이저 {identifier!r}입니다. 다음 중 하나여야 합니다: {names}",
    },
    "error.optimizers.tuple_numbers": {
        "en": "{name}: {option} must be a tuple of {n_default} numbers, got {got}",
        "ko": "{name}: {option}은(는) 숫자 {n_default}개의 튜플이어야 하는데 {got}을(를) 받았습니다",
    },
    "error.optimizers.list_tensors_model": {
        "en": "{name}.build: expected a list of Tensors (the model's trainable_weights), got {params_type}",
        "ko": "{name}.build: Tensor의 리스트(모델의 trainable_weights)가 와야 하는데 {params_type}을(를) 받았습니다",
    },
    "error.optimizers.parameter_group_dict": {
        "en": "{name}: parameter group {k} must be a dict with 'params', got {group!r}",
        "ko": "{name}: 파라미터 그룹 {k}은(는) 'params'가 있는 dict여야 하는데 {group!r}을(를) 받았습니다",
    },
    "error.optimizers.parameter_group_unknown": {
        "en": "{name}: parameter group {k} has unknown options {unknown}; expected some of {defaults}",
        "ko": "{name}: 파라미터 그룹 {k}에 알 수 없는 옵션 {unknown}이(가) 있습니다. {defaults} 중에서 골라야 합니다",
    },
    "error.optimizers.form_arguments_clipnorm": {
        "en": "{name} ({kind} form): {e}; the arguments are {names} (and clipnorm, global_clipnorm, clipvalue)",
        "ko": "{name}({kind} 형식): {e}. 인자는 {names}입니다(그리고 clipnorm, global_clipnorm, clipvalue)",
    },
    "error.optimizers.error": {
        "en": "{name}: {option} must be >= 0, got {h}",
        "ko": "{name}: {option}은(는) 0 이상이어야 하는데 {h}을(를) 받았습니다",
    },
    "error.optimizers.from_config.error": {
        "en": "invalid config for {cls_name}: {e}",
        "ko": "{cls_name}의 설정이 올바르지 않습니다: {e}",
    },
    "error.optimizers.unexpected_state_entry": {
        "en": "{where}: unexpected state entry {option!r}",
        "ko": "{where}: 예상하지 못한 상태 항목 {option!r}입니다",
    },
    "error.optimizers.numeric_array_dtype": {
        "en": "{where}: {option} is not a numeric array (dtype {dtype})",
        "ko": "{where}: {option}은(는) 숫자 배열이 아닙니다(dtype {dtype})",
    },
    "error.optimizers.shape_parameter_shape": {
        "en": "{where}: {option} has shape {shape}, parameter {idx} ({param}) has shape {shape2}",
        "ko": "{where}: {option}의 모양은 {shape}인데 파라미터 {idx}({param})의 모양은 {shape2}입니다",
    },
    "error.optimizers.check_hyper.momentum": {
        "en": "SGD: momentum must be in [0, 1], got {h}",
        "ko": "SGD: momentum은 [0, 1] 범위여야 하는데 {h}을(를) 받았습니다",
    },
    "error.optimizers.initial_accumulator_value": {
        "en": "Adagrad: initial_accumulator_value must be >= 0",
        "ko": "Adagrad: initial_accumulator_value는 0 이상이어야 합니다",
    },
    "error.optimizers.rho_momentum": {
        "en": "RMSprop: rho must be in [0, 1] and momentum in [0, 1), got {h}, {h2}",
        "ko": "RMSprop: rho는 [0, 1], momentum은 [0, 1) 범위여야 하는데 {h}, {h2}을(를) 받았습니다",
    },
    "error.optimizers.beta__beta_": {
        "en": "{name}: beta_1 and beta_2 must be in [0, 1), got {h}, {h2}",
        "ko": "{name}: beta_1과 beta_2는 [0, 1) 범위여야 하는데 {h}, {h2}을(를) 받았습니다",
    },
    "error.optimizers.parameters_tensors": {
        "en": "{name}: parameters must be Tensors, got {p!r}",
        "ko": "{name}: 파라미터는 Tensor여야 하는데 {p!r}을(를) 받았습니다",
    },
    "error.optimizers.parameter_given_twice": {
        "en": "{name}: parameter {param} is given twice",
        "ko": "{name}: 파라미터 {param}이(가) 두 번 주어졌습니다",
    },
    "error.optimizers.supported_mitbadak": {
        "en": "{name}: {k} is not supported by mitbadak",
        "ko": "{name}: mitbadak은 {k}을(를) 지원하지 않습니다",
    },
    "error.optimizers.invalid_hyper_parameters": {
        "en": "{where}: invalid hyper-parameters {h}: {e}",
        "ko": "{where}: 하이퍼파라미터 {h}이(가) 올바르지 않습니다: {e}",
    },
    "error.optimizers.gradient_shape_parameter": {
        "en": "{self_type}: gradient of shape {shape} for the parameter {param} of shape {shape2}",
        "ko": "{self_type}: 모양이 {shape2}인 파라미터 {param}에 모양이 {shape}인 기울기가 왔습니다",
    },
    "error.tensor.float_dtype": {
        "en": "set_default_dtype: expected a float dtype, got {dt}",
        "ko": "set_default_dtype: 실수 dtype이 와야 하는데 {dt}을(를) 받았습니다",
    },
    "error.tensor.read_numbers": {
        "en": "Tensor: cannot read {data_type} as numbers ({e})",
        "ko": "Tensor: {data_type}을(를) 숫자로 읽을 수 없습니다({e})",
    },
    "error.tensor.numbers_bool_int": {
        "en": "Tensor: expected numbers (bool, int or float), got dtype {dtype}",
        "ko": "Tensor: 숫자(bool, int, float)가 와야 하는데 dtype {dtype}을(를) 받았습니다",
    },
    "error.tensor.only_float_tensors": {
        "en": "Tensor: only float tensors can require gradients, got dtype {dtype}",
        "ko": "Tensor: 실수 텐서만 기울기를 구할 수 있는데(requires_grad) dtype {dtype}을(를) 받았습니다",
    },
    "error.tensor.iteration_over_d": {
        "en": "iteration over a 0-d tensor (use .item() for its value)",
        "ko": "0차원 텐서는 반복할 수 없습니다(값은 .item()으로 꺼내세요)",
    },
    "error.tensor.tensor_element_shape": {
        "en": "item: expected a tensor with one element, got shape {shape}",
        "ko": "item: 원소가 하나인 텐서여야 하는데 모양이 {shape}입니다",
    },
    "error.tensor.only_leaf_tensors": {
        "en": "requires_grad_: only leaf tensors can change requires_grad",
        "ko": "requires_grad_: requires_grad는 잎(leaf) 텐서만 바꿀 수 있습니다",
    },
    "error.tensor.dtype_require_gradients": {
        "en": "requires_grad_: dtype {dtype} cannot require gradients",
        "ko": "requires_grad_: dtype {dtype}은(는) 기울기를 구할 수 없습니다",
    },
    "error.tensor.place_arithmetic_non": {
        "en": "{op}: in-place arithmetic on a non-leaf tensor (the output of an op) would corrupt the recorded graph's backward; write y = y ... instead, or detach()",
        "ko": "{op}: 잎이 아닌 텐서(연산의 출력)를 제자리(in-place)에서 계산하면 기록된 그래프의 역전파가 망가집니다. 대신 y = y ... 처럼 쓰거나 detach()하세요",
    },
    "error.tensor.place_arithmetic_leaf": {
        "en": "{op}: in-place arithmetic on a leaf tensor that requires grad while the graph is recorded; update weights inside `with mitbadak.no_grad():`",
        "ko": "{op}: 그래프를 기록하는 동안 기울기가 필요한 잎 텐서를 제자리(in-place)에서 계산했습니다. 가중치는 `with mitbadak.no_grad():` 안에서 갱신하세요",
    },
    "error.tensor.update_tensor_shape": {
        "en": "{op}: cannot update a tensor of shape {shape} in place with an operand of shape {shape2} (it must broadcast to {shape})",
        "ko": "{op}: 모양이 {shape}인 텐서를 모양이 {shape2}인 피연산자로 제자리에서 갱신할 수 없습니다(피연산자가 {shape}(으)로 브로드캐스트되어야 합니다)",
    },
    "error.tensor.gradient_shape_tensor": {
        "en": "backward: gradient of shape {shape} for a tensor of shape {shape2}",
        "ko": "backward: 모양이 {shape2}인 텐서에 모양이 {shape}인 기울기가 왔습니다",
    },
    "error.tensor.graph_tensor_freed": {
        "en": "backward: the graph of this tensor was freed by an earlier backward(); pass retain_graph=True to the first call to go through it twice",
        "ko": "backward: 이 텐서의 그래프는 앞선 backward()에서 이미 해제되었습니다. 두 번 거쳐 가려면 첫 호출에 retain_graph=True를 주세요",
    },
    "error.tensor.tensor_does_require": {
        "en": "backward: this tensor does not require grad (no input had requires_grad=True, or it was computed under no_grad())",
        "ko": "backward: 이 텐서는 기울기가 필요하지 않습니다(requires_grad=True인 입력이 없거나 no_grad() 안에서 계산되었습니다)",
    },
    "error.tensor.dim_out_range": {
        "en": "size: dim {dim} is out of range for a tensor with {nd} dims",
        "ko": "size: 차원 {dim}은(는) {nd}차원 텐서의 범위를 벗어납니다",
    },
    "error.tensor.input_shape_modified": {
        "en": "backward: input {k} of {name} (shape {shape}) was modified in place after the op used it; its gradient would be wrong. Update tensors in place only after backward(), or use out-of-place ops",
        "ko": "backward: {name}의 입력 {k}(모양 {shape})이(가) 연산에 쓰인 뒤 제자리에서 바뀌었습니다. 이대로면 기울기가 틀립니다. 텐서의 제자리 갱신은 backward() 뒤에만 하거나 제자리가 아닌 연산을 쓰세요",
    },
    "error.tensor.ragged_nested_list": {
        "en": "Tensor: a ragged nested list (rows of different lengths); every row must have the same length",
        "ko": "Tensor: 행의 길이가 서로 다른 중첩 리스트입니다. 모든 행의 길이가 같아야 합니다",
    },
    "error.tensor.dtype_device_cpu": {
        "en": "to: expected a dtype or a device ('cpu', 'cuda'), got {dtype!r}",
        "ko": "to: dtype이나 장치('cpu', 'cuda')가 와야 하는데 {dtype!r}을(를) 받았습니다",
    },
    "error.tensor.inplace_cast": {
        "en": "{op}: {e}",
        "ko": "{op}: 이 제자리 연산은 dtype이 맞지 않아 할 수 없습니다({e})",
    },
    "error.tensor.grad_omitted_only": {
        "en": "backward: grad can be omitted only for a one-element tensor, this one has shape {shape}; pass grad= of that shape",
        "ko": "backward: grad는 원소가 하나인 텐서에서만 생략할 수 있는데 이 텐서의 모양은 {shape}입니다. 그 모양의 grad=를 주세요",
    },
    "error.tensor.grad_shape": {
        "en": "backward: grad has shape {shape}, expected {shape2}",
        "ko": "backward: grad의 모양이 {shape}인데 {shape2}이어야 합니다",
    },
    "error.tensor.part_graph_freed": {
        "en": "backward: part of this graph was freed by an earlier backward(); pass retain_graph=True to the first call",
        "ko": "backward: 이 그래프의 일부가 앞선 backward()에서 이미 해제되었습니다. 첫 호출에 retain_graph=True를 주세요",
    },
    "error.layers.input_shape_batch": {
        "en": "Dense '{name}': expected input of shape (batch, features), got {input_shape}",
        "ko": "Dense '{name}': 입력의 모양은 (batch, features)여야 하는데 {input_shape}을(를) 받았습니다",
    },
    "error.layers.data_format_none_channels_first": {
        "en": "Flatten: data_format must be None, 'channels_first' or 'channels_last', got {data_format!r}",
        "ko": "Flatten: data_format은 None, 'channels_first', 'channels_last' 중 하나여야 하는데 {data_format!r}을(를) 받았습니다",
    },
    "error.layers.reshape_samples_shape": {
        "en": "Reshape '{name}': cannot reshape samples of shape {shape} to {target_shape}",
        "ko": "Reshape '{name}': 모양이 {shape}인 샘플을 {target_shape}(으)로 바꿀 수 없습니다",
    },
    "error.layers.ids_shape_batch": {
        "en": "Embedding '{name}': expected ids of shape (batch, ...), got {shape}",
        "ko": "Embedding '{name}': 번호(id)의 모양은 (batch, ...)여야 하는데 {shape}을(를) 받았습니다",
    },
    "error.layers.list_tensors_b": {
        "en": "{cls} '{name}': expected a list of tensors, e.g. {cls}()([a, b]), got {inputs_type}",
        "ko": "{cls} '{name}': 텐서의 리스트가 와야 하는데 {inputs_type}을(를) 받았습니다. 예: {cls}()([a, b])",
    },
    "error.layers.inputs": {
        "en": "{cls} '{name}': expected {want} inputs, got {n}",
        "ko": "{cls} '{name}': 입력이 {want}개 와야 하는데 {n}개를 받았습니다",
    },
    "error.layers.inputs_at_least_2": {
        "en": "{cls} '{name}': expected at least 2 inputs, got {n}",
        "ko": "{cls} '{name}': 입력이 적어도 2개 와야 하는데 {n}개를 받았습니다",
    },
    "error.layers.inputs_agree_every": {
        "en": "Concatenate '{name}': inputs must agree on every axis but {axis} (not the batch), got {shapes}",
        "ko": "Concatenate '{name}': 입력들은 축 {axis}(배치 축 제외)를 뺀 모든 축의 크기가 같아야 하는데 {shapes}을(를) 받았습니다",
    },
    "error.layers.two_d_two": {
        "en": "Dot '{name}': expected two 2-D or two 3-D batches and axes not 0, got {shape}, {shape2}, axes={axes}",
        "ko": "Dot '{name}': 2차원 배치 두 개나 3차원 배치 두 개, 그리고 0이 아닌 axes가 와야 하는데 {shape}, {shape2}, axes={axes}을(를) 받았습니다",
    },
    "error.layers.sizes_along_axes": {
        "en": "Dot '{name}': sizes along the axes differ: {shape}[{ia}] vs {shape2}[{ib}]",
        "ko": "Dot '{name}': 곱할 축의 크기가 다릅니다: {shape}[{ia}] 대 {shape2}[{ib}]",
    },
    "error.layers.inputs_same_shape": {
        "en": "{self_type} '{name}': inputs must have the same shape, got {shapes}",
        "ko": "{self_type} '{name}': 입력들의 모양이 같아야 하는데 {shapes}을(를) 받았습니다",
    },
    "error.layers.momentum_keras_convention": {
        "en": "BatchNormalization '{name}': momentum must be in [0, 1] (Keras' convention: the weight of the old running value), got {momentum}",
        "ko": "BatchNormalization '{name}': momentum은 [0, 1] 범위여야 하는데(Keras의 관례: 이전 이동 평균의 가중치) {momentum}을(를) 받았습니다",
    },
    "error.layers.epsilon": {
        "en": "BatchNormalization '{name}': epsilon must be > 0, got {epsilon}",
        "ko": "BatchNormalization '{name}': epsilon은 0보다 커야 하는데 {epsilon}을(를) 받았습니다",
    },
    "error.layers.axis_channel_axis": {
        "en": "BatchNormalization '{name}': axis {axis} must be a channel axis (not the batch) of the input, got input shape {input_shape}",
        "ko": "BatchNormalization '{name}': 축 {axis}은(는) 입력의 채널 축(배치 축이 아닌 축)이어야 하는데 입력의 모양은 {input_shape}입니다",
    },
    "error.layers.init.epsilon": {
        "en": "LayerNormalization '{name}': epsilon must be > 0, got {epsilon}",
        "ko": "LayerNormalization '{name}': epsilon은 0보다 커야 하는데 {epsilon}을(를) 받았습니다",
    },
    "error.layers.axis_name_feature": {
        "en": "LayerNormalization '{name}': axis {axis} must name feature axes (not the batch) of the input, got input shape {input_shape}",
        "ko": "LayerNormalization '{name}': 축 {axis}은(는) 입력의 특성 축(배치 축이 아닌 축)을 가리켜야 하는데 입력의 모양은 {input_shape}입니다",
    },
    "error.layers.lambda_layer_holds": {
        "en": "Lambda '{name}': a Lambda layer holds a Python function and cannot be saved; write a Layer subclass instead",
        "ko": "Lambda '{name}': Lambda 층은 파이썬 함수를 담고 있어서 저장할 수 없습니다. 대신 Layer의 하위 클래스를 만드세요",
    },
    "error.layers.batch_features": {
        "en": "RepeatVector '{name}': expected (batch, features), got {shape}",
        "ko": "RepeatVector '{name}': (batch, features) 모양이 와야 하는데 {shape}을(를) 받았습니다",
    },
    "error.layers.dims_permutation": {
        "en": "Permute: dims must be a permutation of 1..{n_dims}, got {dims}",
        "ko": "Permute: dims는 1..{n_dims}의 순열이어야 하는데 {dims}을(를) 받았습니다",
    },
    "error.layers.dims_need_d": {
        "en": "Permute '{name}': dims {dims} need a {ndim}-D input, got {shape}",
        "ko": "Permute '{name}': dims {dims}에는 {ndim}차원 입력이 필요한데 {shape}을(를) 받았습니다",
    },
    "error.layers.function_callable": {
        "en": "Lambda: function must be callable, got {function!r}",
        "ko": "Lambda: function은 호출할 수 있어야 하는데 {function!r}을(를) 받았습니다",
    },
    "error.layers.max_value_none": {
        "en": "ReLU: max_value must be >= 0 or None, got {max_value}",
        "ko": "ReLU: max_value는 0 이상이거나 None이어야 하는데 {max_value}을(를) 받았습니다",
    },
    "error.layers.negative_slope": {
        "en": "ReLU: negative_slope must be >= 0, got {negative_slope}",
        "ko": "ReLU: negative_slope는 0 이상이어야 하는데 {negative_slope}을(를) 받았습니다",
    },
    "error.layers.init.negative_slope": {
        "en": "LeakyReLU: negative_slope must be >= 0, got {negative_slope}",
        "ko": "LeakyReLU: negative_slope는 0 이상이어야 하는데 {negative_slope}을(를) 받았습니다",
    },
    "error.layers.shared_axis": {
        "en": "PReLU '{name}': shared axis {a} not in {input_shape}",
        "ko": "PReLU '{name}': 공유 축 {a}이(가) {input_shape}에 없습니다",
    },
    "error.layers.simplernn_lstm_gru": {
        "en": "timestep_grad_norms: expected a SimpleRNN, LSTM or GRU, got {layer_type}",
        "ko": "timestep_grad_norms: SimpleRNN, LSTM, GRU 중 하나가 와야 하는데 {layer_type}을(를) 받았습니다",
    },
    "error.layers.loss_does_depend": {
        "en": "timestep_grad_norms: the loss does not depend on the layer's states",
        "ko": "timestep_grad_norms: 손실이 이 층의 상태에 의존하지 않습니다",
    },
    "error.layers.built_simplernn_lstm": {
        "en": "to_torch_weights: expected a built SimpleRNN, LSTM or GRU layer",
        "ko": "to_torch_weights: 만들어진(built) SimpleRNN, LSTM, GRU 층이 와야 합니다",
    },
    "error.layers.from_torch_weights.simplernn_lstm_gru": {
        "en": "from_torch_weights: expected a SimpleRNN, LSTM or GRU layer",
        "ko": "from_torch_weights: SimpleRNN, LSTM, GRU 층이 와야 합니다",
    },
    "error.layers.pytorch_weights_shapes": {
        "en": "{where}: PyTorch weights of shapes {shape}, {shape2} do not fit {gates} gates x {units} units",
        "ko": "{where}: PyTorch 가중치의 모양 {shape}, {shape2}이(가) 게이트 {gates}개 x 유닛 {units}개에 맞지 않습니다",
    },
    "error.layers.build.input_shape_batch": {
        "en": "{where}: expected input of shape (batch, time, features), got shape {input_shape}",
        "ko": "{where}: 입력의 모양은 (batch, time, features)여야 하는데 {input_shape}을(를) 받았습니다",
    },
    "error.layers.check_input.input_shape_batch": {
        "en": "{where}: expected input of shape (batch, time, features), got shape {shape}",
        "ko": "{where}: 입력의 모양은 (batch, time, features)여야 하는데 {shape}을(를) 받았습니다",
    },
    "error.layers.needs_least_time": {
        "en": "{where}: needs at least one time step, got shape {shape}",
        "ko": "{where}: 시간 단계가 적어도 하나 있어야 하는데 모양이 {shape}입니다",
    },
    "error.layers.input_features_shape": {
        "en": "{where}: expected input with {f} features (shape (batch, time, {f})), got shape {shape}",
        "ko": "{where}: 특성이 {f}개인 입력(모양 (batch, time, {f}))이 와야 하는데 모양이 {shape}입니다",
    },
    "error.layers.pass_mask_lengths": {
        "en": "{where}: pass mask or lengths, not both",
        "ko": "{where}: mask와 lengths 중 하나만 주세요",
    },
    "error.layers.mask_shape_batch": {
        "en": "{where}: mask must have shape (batch, time) = ({n}, {t_len}), got {shape}",
        "ko": "{where}: mask의 모양은 (batch, time) = ({n}, {t_len})이어야 하는데 {shape}을(를) 받았습니다",
    },
    "error.layers.initial_state_s": {
        "en": "{where}: expected {k} initial state(s) ({names}), got {n_states}",
        "ko": "{where}: 초기 상태가 {k}개({names}) 와야 하는데 {n_states}개를 받았습니다",
    },
    "error.layers.activation_tanh_relu": {
        "en": "SimpleRNN: activation must be 'tanh' or 'relu', got {activation!r}",
        "ko": "SimpleRNN: activation은 'tanh'나 'relu'여야 하는데 {activation!r}을(를) 받았습니다",
    },
    "error.layers.conv_pool_not_fusable": {
        "en": "Conv2D '{name}': pool= takes the MaxPooling2D(2) layer that follows it (2x2 window, stride 2, 'valid', the same data format, no hooks; Conv2D.fuses_with tells), got {pool!r}",
        "ko": "Conv2D '{name}': pool=에는 바로 뒤의 MaxPooling2D(2) 층(2x2 창, stride 2, 'valid', 같은 data format, 훅 없음; Conv2D.fuses_with로 확인)이 와야 하는데 {pool!r}을(를) 받았습니다",
    },
    "error.layers.only_reset_after_true": {
        "en": "GRU: only reset_after=True (Keras' default, PyTorch's formula)",
        "ko": "GRU: reset_after=True(Keras의 기본값, PyTorch의 공식)만 지원합니다",
    },
    "error.layers.init.simplernn_lstm_gru": {
        "en": "Bidirectional: expected a SimpleRNN, LSTM or GRU layer, got {layer_type}",
        "ko": "Bidirectional: SimpleRNN, LSTM, GRU 층이 와야 하는데 {layer_type}을(를) 받았습니다",
    },
    "error.layers.merge_mode": {
        "en": "Bidirectional: merge_mode must be one of {modes}, got {merge_mode!r}",
        "ko": "Bidirectional: merge_mode는 {modes} 중 하나여야 하는데 {merge_mode!r}을(를) 받았습니다",
    },
    "error.layers.layer": {
        "en": "TimeDistributed: expected a Layer, got {layer_type}",
        "ko": "TimeDistributed: Layer가 와야 하는데 {layer_type}을(를) 받았습니다",
    },
    "error.layers.call.input_shape_batch": {
        "en": "TimeDistributed '{name}': expected input of shape (batch, time, ...), got shape {shape}",
        "ko": "TimeDistributed '{name}': 입력의 모양은 (batch, time, ...)여야 하는데 {shape}을(를) 받았습니다",
    },
    "error.layers.state_dict_layer": {
        "en": "from_torch_weights: state dict has no {e} (one-layer module)",
        "ko": "from_torch_weights: state dict에 {e}이(가) 없습니다(한 층짜리 모듈이어야 합니다)",
    },
    "error.layers.use_bias_false_but": {
        "en": "{where}: use_bias=False but the PyTorch biases are not zero",
        "ko": "{where}: use_bias=False인데 PyTorch의 편향이 0이 아닙니다",
    },
    "error.layers.lengths_shape_per": {
        "en": "{where}: lengths must have shape ({n},) (one per sequence), got {shape}",
        "ko": "{where}: lengths의 모양은 ({n},)(시퀀스마다 하나)이어야 하는데 {shape}을(를) 받았습니다",
    },
    "error.layers.lengths_values": {
        "en": "{where}: lengths must be in [0, {t_len}], got values in [{min}, {max}]",
        "ko": "{where}: lengths는 [0, {t_len}] 범위여야 하는데 [{min}, {max}] 범위의 값을 받았습니다",
    },
    "error.layers.initial_state_shape_batch": {
        "en": "{where}: initial_state[{j}] ({state}) must have shape (batch, units) = ({n}, {units}), got {shape}",
        "ko": "{where}: initial_state[{j}]({state})의 모양은 (batch, units) = ({n}, {units})이어야 하는데 {shape}을(를) 받았습니다",
    },
    "error.layers.initial_states_forward": {
        "en": "Bidirectional '{name}': expected {n_expected} initial states (forward then backward), got {n_states}",
        "ko": "Bidirectional '{name}': 초기 상태가 {n_expected}개(정방향 다음 역방향) 와야 하는데 {n_states}개를 받았습니다",
    },
    "error.ops.operands_least_dim": {
        "en": "matmul: operands must have at least 1 dim, got {shape} @ {shape2}",
        "ko": "matmul: 피연산자는 적어도 1차원이어야 하는데 {shape} @ {shape2}을(를) 받았습니다",
    },
    "error.ops.multiply_inner_dimensions": {
        "en": "matmul: cannot multiply {shape} by {shape2}: the inner dimensions {ka} and {kb} differ",
        "ko": "matmul: {shape}와(과) {shape2}을(를) 곱할 수 없습니다. 안쪽 차원({ka}, {kb})이 서로 다릅니다",
    },
    "error.ops.batch_dimensions_broadcast": {
        "en": "matmul: batch dimensions of {shape} and {shape2} cannot be broadcast",
        "ko": "matmul: {shape}와(과) {shape2}의 배치 차원을 브로드캐스트할 수 없습니다",
    },
    "error.functional_model.unsupported_index_ints": {
        "en": "symbolic indexing: unsupported index {option!r} (ints, slices, None, ...)",
        "ko": "기호 텐서 인덱싱: 지원하지 않는 인덱스 {option!r}입니다(정수, 슬라이스, None, ...만 됩니다)",
    },
    "error.functional_model.symbolic_from_input": {
        "en": "{tensor!r} is symbolic (from Input): it has no values; call a model on real data",
        "ko": "{tensor!r}은(는) 기호 텐서(Input에서 나온 것)라서 값이 없습니다. 모델을 실제 데이터에 호출하세요",
    },
    "error.functional_model.truth_value": {
        "en": "{tensor!r} is symbolic: it has no truth value",
        "ko": "{tensor!r}은(는) 기호 텐서라서 참/거짓 값이 없습니다",
    },
    "error.functional_model.layer_named_layers": {
        "en": "no layer named {name!r}; layers are {names}",
        "ko": "{name!r}이라는 이름의 층이 없습니다. 있는 층: {names}",
    },
    "error.functional_model.unknown_arguments": {
        "en": "InputLayer: unknown arguments {kwargs}",
        "ko": "InputLayer: 알 수 없는 인자 {kwargs}",
    },
    "error.functional_model.give_shape_sample": {
        "en": "Input: give the shape of one sample, e.g. Input(shape=(784,))",
        "ko": "Input: 샘플 하나의 모양을 주세요. 예: Input(shape=(784,))",
    },
    "error.functional_model.dimensions_none": {
        "en": "Input: dimensions must be >= 1 or None, got {shape}",
        "ko": "Input: 각 차원은 1 이상이거나 None이어야 하는데 {shape}을(를) 받았습니다",
    },
    "error.functional_model.unknown_op": {
        "en": "TensorOp: unknown op {op!r}; expected one of {ops}",
        "ko": "TensorOp: 알 수 없는 연산 {op!r}입니다. 다음 중 하나여야 합니다: {ops}",
    },
    "error.functional_model.layer_names_unique": {
        "en": "Model: layer names must be unique, these repeat: {dup}",
        "ko": "Model: 층 이름은 서로 달라야 하는데 다음 이름이 겹칩니다: {dup}",
    },
    "error.functional_model.save_constant_layer": {
        "en": "{name}: cannot save the constant {t!r} of a layer call",
        "ko": "{name}: 층 호출에 쓰인 상수 {t!r}은(는) 저장할 수 없습니다",
    },
    "error.functional_model.input_does_come": {
        "en": "Model: input {name!r} does not come from Input(...)",
        "ko": "Model: 입력 {name!r}이(가) Input(...)에서 나온 것이 아닙니다",
    },
    "error.functional_model.outputs_depend_input": {
        "en": "Model: the outputs depend on the input {name!r}, which is not among the model's inputs {inputs}",
        "ko": "Model: 출력이 입력 {name!r}에 의존하는데, 이 입력은 모델의 입력 {inputs}에 없습니다",
    },
    "error.functional_model.graph_cycle": {
        "en": "Model: the graph has a cycle",
        "ko": "Model: 그래프에 순환이 있습니다",
    },
    "error.functional_model.inputs_missing_keys": {
        "en": "{name}: inputs {missing} are missing; got keys {x}",
        "ko": "{name}: 입력 {missing}이(가) 없습니다. 받은 키: {x}",
    },
    "error.functional_model.input_expects_shape": {
        "en": "{name}: input {name2!r} expects shape {shape}, got {shape2}",
        "ko": "{name}: 입력 {name2!r}의 모양은 {shape}이어야 하는데 {shape2}을(를) 받았습니다",
    },
    "error.functional_model.error": {
        "en": "invalid functional model config: {e!r}",
        "ko": "함수형 모델 설정이 올바르지 않습니다: {e!r}",
    },
    "error.functional_model.dict_keys": {
        "en": "{name}: expected a dict with keys {struct}, got {got}",
        "ko": "{name}: 키가 {struct}인 dict가 와야 하는데 {got}을(를) 받았습니다",
    },
    "error.functional_model.inputs": {
        "en": "{name}: expected {n_flat} inputs {names}, got {n}",
        "ko": "{name}: 입력 {n_flat}개 {names}이(가) 와야 하는데 {n}개를 받았습니다",
    },
    "error.callbacks.mode_auto_min": {
        "en": "{who}: mode must be 'auto', 'min' or 'max', got {mode!r}",
        "ko": "{who}: mode는 'auto', 'min', 'max' 중 하나여야 하는데 {mode!r}을(를) 받았습니다",
    },
    "error.callbacks.filepath_names_which": {
        "en": "ModelCheckpoint: filepath names '{{{option}}}', which is not in the logs",
        "ko": "ModelCheckpoint: filepath에 쓰인 '{{{option}}}'이(가) 로그에 없습니다",
    },
    "error.callbacks.schedule_callable": {
        "en": "LearningRateScheduler: schedule must be callable, got {schedule!r}",
        "ko": "LearningRateScheduler: schedule은 호출할 수 있어야 하는데 {schedule!r}을(를) 받았습니다",
    },
    "error.callbacks.schedule_returned_epoch": {
        "en": "LearningRateScheduler: schedule returned {lr!r} at epoch {epoch}",
        "ko": "LearningRateScheduler: schedule이 에폭 {epoch}에서 {lr!r}을(를) 돌려주었습니다",
    },
    "error.callbacks.factor": {
        "en": "ReduceLROnPlateau: factor must be in (0, 1), got {factor}",
        "ko": "ReduceLROnPlateau: factor는 (0, 1) 범위여야 하는데 {factor}을(를) 받았습니다",
    },
    "error.callbacks.only_save_freq_epoch": {
        "en": "ModelCheckpoint: only save_freq='epoch' is supported",
        "ko": "ModelCheckpoint: save_freq='epoch'만 지원합니다",
    },
    "error.callbacks.callback_objects": {
        "en": "callbacks: expected Callback objects, got {cb!r}",
        "ko": "callbacks: Callback 객체가 와야 하는데 {cb!r}을(를) 받았습니다",
    },
    "error.schedules.interpret_learning_rate": {
        "en": "cannot interpret {identifier!r} as a learning-rate schedule",
        "ko": "{identifier!r}을(를) 학습률 스케줄로 해석할 수 없습니다",
    },
    "error.schedules.step": {
        "en": "{who}: the step must be >= 0, got {step}",
        "ko": "{who}: 단계(step)는 0 이상이어야 하는데 {step}을(를) 받았습니다",
    },
    "error.schedules.error": {
        "en": "{who}: {what} must be > 0, got {value}",
        "ko": "{who}: {what}은(는) 0보다 커야 하는데 {value}을(를) 받았습니다",
    },
    "error.schedules.lambdaschedule_wraps_python": {
        "en": "LambdaSchedule wraps a Python function and cannot be saved",
        "ko": "LambdaSchedule은 파이썬 함수를 감싸고 있어서 저장할 수 없습니다",
    },
    "error.schedules.schedule_plain_function": {
        "en": "schedule {schedule} is a plain function and cannot be saved",
        "ko": "스케줄 {schedule}은(는) 일반 함수라서 저장할 수 없습니다",
    },
    "error.schedules.decay_rate": {
        "en": "InverseTimeDecay: decay_rate must be >= 0, got {decay_rate}",
        "ko": "InverseTimeDecay: decay_rate는 0 이상이어야 하는데 {decay_rate}을(를) 받았습니다",
    },
    "error.schedules.alpha": {
        "en": "CosineDecay: alpha must be in [0, 1], got {alpha}",
        "ko": "CosineDecay: alpha는 [0, 1] 범위여야 하는데 {alpha}을(를) 받았습니다",
    },
    "error.schedules.warmup_steps": {
        "en": "CosineDecay: warmup_steps must be >= 0, got {warmup_steps}",
        "ko": "CosineDecay: warmup_steps는 0 이상이어야 하는데 {warmup_steps}을(를) 받았습니다",
    },
    "error.schedules.values_boundaries": {
        "en": "PiecewiseConstantDecay: expected {n_expected} values for {n_boundaries} boundaries, got {n_values}",
        "ko": "PiecewiseConstantDecay: 경계 {n_boundaries}개에는 값이 {n_expected}개 필요한데 {n_values}개를 받았습니다",
    },
    "error.schedules.boundaries_increase": {
        "en": "PiecewiseConstantDecay: boundaries must increase, got {boundaries}",
        "ko": "PiecewiseConstantDecay: boundaries는 증가해야 하는데 {boundaries}을(를) 받았습니다",
    },
    "error.schedules.function_step": {
        "en": "LambdaSchedule: expected a function of the step, got {fn!r}",
        "ko": "LambdaSchedule: 단계(step)를 받는 함수가 와야 하는데 {fn!r}을(를) 받았습니다",
    },
    "error.schedules.unknown_schedule": {
        "en": "unknown schedule {identifier!r}; expected one of {names}",
        "ko": "알 수 없는 스케줄 {identifier!r}입니다. 다음 중 하나여야 합니다: {names}",
    },
    "error.schedules.unknown_schedule_config": {
        "en": "unknown schedule config {identifier!r}",
        "ko": "알 수 없는 스케줄 설정 {identifier!r}입니다",
    },
    "error.schedules.get.error": {
        "en": "invalid config for {cls_name}: {e}",
        "ko": "{cls_name}의 설정이 올바르지 않습니다: {e}",
    },
    "error.initializers.interpret_initializer": {
        "en": "cannot interpret {identifier!r} as an initializer",
        "ko": "{identifier!r}을(를) 초기화 방법(initializer)으로 해석할 수 없습니다",
    },
    "error.initializers.unknown_initializer": {
        "en": "unknown initializer {identifier!r}; expected one of {names}",
        "ko": "알 수 없는 초기화 방법 {identifier!r}입니다. 다음 중 하나여야 합니다: {names}",
    },
    "error.initializers.unknown_mode": {
        "en": "VarianceScaling: unknown mode {mode!r}",
        "ko": "VarianceScaling: 알 수 없는 mode {mode!r}입니다",
    },
    "error.initializers.unknown_distribution": {
        "en": "VarianceScaling: unknown distribution {distribution!r}",
        "ko": "VarianceScaling: 알 수 없는 distribution {distribution!r}입니다",
    },
    "error.initializers.needs_shape_dims": {
        "en": "Orthogonal: needs a shape with >= 2 dims, got {shape}",
        "ko": "Orthogonal: 2차원 이상의 모양이 필요한데 {shape}을(를) 받았습니다",
    },
    "error.initializers.unknown_initializer_config": {
        "en": "unknown initializer config {identifier!r}",
        "ko": "알 수 없는 초기화 방법 설정 {identifier!r}입니다",
    },
    "error.regularizers.unknown_regularizer": {
        "en": "unknown regularizer {identifier!r}; expected one of {names}",
        "ko": "알 수 없는 규제 {identifier!r}입니다. 다음 중 하나여야 합니다: {names}",
    },
    "error.regularizers.regularizer_plain_function": {
        "en": "regularizer {reg} is a plain function and cannot be saved",
        "ko": "규제 {reg}은(는) 일반 함수라서 저장할 수 없습니다",
    },
    "error.regularizers.regularizer_strengths_l": {
        "en": "regularizer strengths must be >= 0, got l1={l1}, l2={l2}",
        "ko": "규제의 세기는 0 이상이어야 하는데 l1={l1}, l2={l2}을(를) 받았습니다",
    },
    "error.regularizers.unknown_regularizer_config": {
        "en": "unknown regularizer config {identifier!r}",
        "ko": "알 수 없는 규제 설정 {identifier!r}입니다",
    },
    "error.multi_output.interpret_outputs": {
        "en": "compile: cannot interpret {what}={spec!r} for outputs {names}",
        "ko": "compile: 출력 {names}에 대한 {what}={spec!r}을(를) 해석할 수 없습니다",
    },
    "error.multi_output.model_outputs_give": {
        "en": "{what}: the model has {n_names} outputs {names}; give a list in output order or a dict keyed by output name",
        "ko": "{what}: 모델의 출력은 {n_names}개 {names}입니다. 출력 순서대로 리스트를 주거나 출력 이름을 키로 하는 dict를 주세요",
    },
    "error.multi_output.names_outputs_model": {
        "en": "compile: {what} names outputs {unknown} the model does not have; its outputs are {names}",
        "ko": "compile: {what}에 모델에 없는 출력 {unknown}이(가) 있습니다. 모델의 출력은 {names}입니다",
    },
    "error.multi_output.list_entries_model": {
        "en": "compile: {what} is a list of {n_spec} entries for a model with {n_names} outputs {names}; give one per output or a dict by output name",
        "ko": "compile: {what}은(는) 항목 {n_spec}개짜리 리스트인데 모델의 출력은 {n_names}개 {names}입니다. 출력마다 하나씩 주거나 출력 이름으로 된 dict를 주세요",
    },
    "error.multi_output.entry_outputs_outputs": {
        "en": "{what}: no entry for the outputs {missing}; outputs are {names}",
        "ko": "{what}: 출력 {missing}에 대한 항목이 없습니다. 출력은 {names}입니다",
    },
    "error.multi_output.entries_model_outputs": {
        "en": "{what}: {n_struct} entries for a model with {n_names} outputs {names}",
        "ko": "{what}: 항목이 {n_struct}개인데 모델의 출력은 {n_names}개 {names}입니다",
    },
    "error.multi_output.output_loss": {
        "en": "compile: no output of {names} has a loss",
        "ko": "compile: 출력 {names} 중 손실함수가 있는 것이 하나도 없습니다",
    },
    "error.multi_output.target_output_which": {
        "en": "y: no target for output {name!r}, which has a loss",
        "ko": "y: 손실함수가 있는 출력 {name!r}에 대한 정답이 없습니다",
    },
    "error.functional_model.call_on_shapes": {
        "en": "{name}: cannot be called on inputs of shapes {shapes}: {error}",
        "ko": "{name}: 모양이 {shapes}인 입력으로 호출할 수 없습니다: {error}",
    },
    "error.functional_model.inputs_symbolic": {
        "en": "Model: inputs must be symbolic tensors (from keras.Input and layers called on them), got {got}",
        "ko": "Model: 입력은 기호 텐서(keras.Input과 그것에 호출한 층에서 나온 것)여야 하는데 {got}을(를) 받았습니다",
    },
    "error.functional_model.inputs_symbolic_nothing": {
        "en": "Model: inputs must be symbolic tensors (from keras.Input and layers called on them), got nothing",
        "ko": "Model: 입력은 기호 텐서(keras.Input과 그것에 호출한 층에서 나온 것)여야 하는데 아무것도 받지 못했습니다",
    },
    "error.functional_model.outputs_symbolic": {
        "en": "Model: outputs must be symbolic tensors (from keras.Input and layers called on them), got {got}",
        "ko": "Model: 출력은 기호 텐서(keras.Input과 그것에 호출한 층에서 나온 것)여야 하는데 {got}을(를) 받았습니다",
    },
    "error.functional_model.outputs_symbolic_nothing": {
        "en": "Model: outputs must be symbolic tensors (from keras.Input and layers called on them), got nothing",
        "ko": "Model: 출력은 기호 텐서(keras.Input과 그것에 호출한 층에서 나온 것)여야 하는데 아무것도 받지 못했습니다",
    },
    "error.multi_output.xy_scalar": {
        "en": "{who}: x has {n} samples but the targets of output {name!r} have a scalar; they must match",
        "ko": "{who}: x에는 샘플이 {n}개인데 출력 {name!r}의 정답은 스칼라입니다. 개수가 같아야 합니다",
    },
    "error.multi_output.xy_lengths": {
        "en": "{who}: x has {n} samples but the targets of output {name!r} have {n_y}; they must match",
        "ko": "{who}: x에는 샘플이 {n}개인데 출력 {name!r}의 정답은 {n_y}개입니다. 개수가 같아야 합니다",
    },
    "error.ops.linear.input_last_dimension": {
        "en": "{name}: expected input with last dimension {n_in} (shape (batch, {n_in})), got shape {shape}",
        "ko": "{name}: 마지막 차원이 {n_in}인 입력(모양 (batch, {n_in}))이 와야 하는데 모양이 {shape}인 입력을 받았습니다",
    },
    "error.ops.loss.reduction": {
        "en": "{op}: reduction must be one of {choices}, got {reduction!r}",
        "ko": "{op}: reduction은 {choices} 중 하나여야 하는데 {reduction!r}을(를) 받았습니다",
    },
    "error.ops.loss.labels_shape_samples": {
        "en": "{op}: expected labels of shape ({n},) for {n} samples, got {shape}",
        "ko": "{op}: 샘플 {n}개에는 모양이 ({n},)인 레이블이 와야 하는데 {shape}을(를) 받았습니다",
    },
    "error.ops.loss.label_out_range": {
        "en": "{op}: label {item!r} is out of range: expected class indices in [0, {last}] for {num_classes} outputs",
        "ko": "{op}: 레이블 {item!r}이(가) 범위를 벗어났습니다. 출력이 {num_classes}개이므로 클래스 번호는 [0, {last}] 범위여야 합니다",
    },
    "error.ops.loss.logits_shape_batch": {
        "en": "{op}: expected logits of shape (batch, classes), got {shape}",
        "ko": "{op}: 로짓의 모양은 (batch, classes)여야 하는데 {shape}을(를) 받았습니다",
    },
    "error.ops.loss.prediction_shape_but": {
        "en": "mse: prediction has shape {shape} but target has shape {shape2}",
        "ko": "mse: 예측의 모양은 {shape}인데 정답의 모양은 {shape2}입니다",
    },
    "error.ops.loss.same_shape.prediction_shape_but": {
        "en": "{op}: prediction has shape {shape} but target has shape {shape2}; they must be equal (reshape one of them, e.g. y.reshape(-1, 1))",
        "ko": "{op}: 예측의 모양은 {shape}인데 정답의 모양은 {shape2}입니다. 둘이 같아야 합니다(한쪽의 모양을 바꿔 보세요. 예: y.reshape(-1, 1))",
    },
    "error.ops.loss.delta_positive": {
        "en": "huber: delta must be positive, got {delta}",
        "ko": "huber: delta는 양수여야 하는데 {delta}을(를) 받았습니다",
    },
    "error.ops.loss.targets_probabilities_values": {
        "en": "{op}: targets must be probabilities in [0, 1], got values outside",
        "ko": "{op}: 정답은 [0, 1] 범위의 확률이어야 하는데 범위 밖의 값이 있습니다",
    },
    "error.ops.loss.predictions_probabilities_values": {
        "en": "{op}: predictions must be probabilities in [0, 1], got values in [{min:.4g}, {max:.4g}]; for raw scores use from_logits=True (or binary_cross_entropy_with_logits)",
        "ko": "{op}: 예측은 [0, 1] 범위의 확률이어야 하는데 [{min:.4g}, {max:.4g}] 범위의 값을 받았습니다. 확률로 바꾸기 전의 점수라면 from_logits=True(또는 binary_cross_entropy_with_logits)를 쓰세요",
    },
    "error.ops.loss.probabilities_shape_batch": {
        "en": "{op}: expected probabilities of shape (batch, classes), got {shape}",
        "ko": "{op}: 확률의 모양은 (batch, classes)여야 하는데 {shape}을(를) 받았습니다",
    },
    "error.ops.loss.labels_whole_numbers": {
        "en": "{op}: labels must be whole numbers (class indices)",
        "ko": "{op}: 레이블은 정수(클래스 번호)여야 합니다",
    },
    "error.ops.loss.labels_integer_class": {
        "en": "{op}: labels must be integer class indices, got dtype {dtype}",
        "ko": "{op}: 레이블은 정수 클래스 번호여야 하는데 dtype {dtype}을(를) 받았습니다",
    },
    "error.ops.loss.hot_targets_logits": {
        "en": "{op}: one-hot targets must have the logits' shape {shape}, got {shape2}",
        "ko": "{op}: 원-핫 정답은 로짓과 같은 모양 {shape}이어야 하는데 {shape2}을(를) 받았습니다",
    },
    "error.ops.loss.sample_weight_shape_weight": {
        "en": "weighted_reduce: sample_weight has shape {shape}, expected {shape2} (one weight per sample)",
        "ko": "weighted_reduce: sample_weight의 모양이 {shape}인데 {shape2}이어야 합니다(샘플마다 가중치 하나)",
    },
    "error.ops.hinge.reduction": {
        "en": "{op}: reduction must be one of {choices}, got {reduction!r}",
        "ko": "{op}: reduction은 {choices} 중 하나여야 하는데 {reduction!r}을(를) 받았습니다",
    },
    "error.ops.hinge.scores_shape_but": {
        "en": "{op}: scores have shape {shape} but targets have shape {shape2}; they must be equal",
        "ko": "{op}: 점수의 모양은 {shape}인데 정답의 모양은 {shape2}입니다. 둘이 같아야 합니다",
    },
    "error.ops.hinge.scores_n_c": {
        "en": "categorical_hinge: expected scores (N, C), got {shape}",
        "ko": "categorical_hinge: 점수의 모양은 (N, C)여야 하는데 {shape}을(를) 받았습니다",
    },
    "error.ops.hinge.multiclass_hinge.scores_n_c": {
        "en": "multiclass_hinge: expected scores (N, C), got {shape}",
        "ko": "multiclass_hinge: 점수의 모양은 (N, C)여야 하는데 {shape}을(를) 받았습니다",
    },
    "error.ops.activation.step_function_zero": {
        "en": "step: the step function has zero derivative everywhere (and none at 0), so it cannot be trained by gradient descent; use sigmoid or relu in trained layers",
        "ko": "step: 계단함수는 모든 곳에서 도함수가 0이고(0에서는 도함수가 없음) 경사하강법으로 학습시킬 수 없습니다. 학습하는 층에는 sigmoid나 relu를 쓰세요",
    },
    "error.ops.activation.approximate_none_tanh": {
        "en": "gelu: approximate must be 'none' or 'tanh', got {approximate!r}",
        "ko": "gelu: approximate는 'none'이나 'tanh'여야 하는데 {approximate!r}을(를) 받았습니다",
    },
    "error.ops.activation_extra.min_val_max_val": {
        "en": "hardtanh: min_val {min_val} must be < max_val {max_val}",
        "ko": "hardtanh: min_val {min_val}은(는) max_val {max_val}보다 작아야 합니다",
    },
    "error.ops.activation_extra.alpha_nonzero": {
        "en": "celu: alpha must be nonzero",
        "ko": "celu: alpha는 0이 아니어야 합니다",
    },
    "error.ops.reduce.unexpected_arguments": {
        "en": "{op}: unexpected arguments {kw}",
        "ko": "{op}: 예상하지 못한 인자 {kw}",
    },
    "error.ops.reduction.unexpected_arguments": {
        "en": "{op}: unexpected arguments {kw}",
        "ko": "{op}: 예상하지 못한 인자 {kw}",
    },
    "error.ops.reduction.dim_int_none": {
        "en": "{op}: dim must be one int (or None), got {dim!r}",
        "ko": "{op}: dim은 정수 하나(또는 None)여야 하는데 {dim!r}을(를) 받았습니다",
    },
    "error.ops.reduction.empty_tensor_shape": {
        "en": "{op}: empty tensor of shape {shape}",
        "ko": "{op}: 모양이 {shape}인 빈 텐서입니다",
    },
    "error.ops.shape.need_least_tensor": {
        "en": "concatenate: need at least one tensor",
        "ko": "concatenate: 텐서가 적어도 하나 있어야 합니다",
    },
    "error.ops.shape.stack.need_least_tensor": {
        "en": "stack: need at least one tensor",
        "ko": "stack: 텐서가 적어도 하나 있어야 합니다",
    },
    "error.ops.shape.axes_do_permute": {
        "en": "transpose: axes {axes} do not permute a {ndim}-d tensor",
        "ko": "transpose: 축 {axes}은(는) {ndim}차원 텐서의 순열이 아닙니다",
    },
    "error.ops.shape.reshape_elements_into": {
        "en": "reshape: cannot reshape {shape} ({size} elements) into {new_shape}",
        "ko": "reshape: {shape}(원소 {size}개)을(를) {new_shape}(으)로 바꿀 수 없습니다",
    },
    "error.ops.shape.index_invalid_shape": {
        "en": "getitem: index {index!r} is invalid for shape {shape}: {e}",
        "ko": "getitem: 인덱스 {index!r}은(는) 모양 {shape}에 쓸 수 없습니다: {e}",
    },
    "error.ops.shape.join_shapes_axis": {
        "en": "concatenate: cannot join shapes {shapes} on axis {axis}: {e}",
        "ko": "concatenate: 모양 {shapes}을(를) 축 {axis}에서 이어 붙일 수 없습니다: {e}",
    },
    "error.ops.shape.stack_shapes_axis": {
        "en": "stack: cannot stack shapes {shapes} on axis {axis}: {e}",
        "ko": "stack: 모양 {shapes}을(를) 축 {axis}에서 쌓을 수 없습니다: {e}",
    },
    "error.ops.shape.broadcast": {
        "en": "broadcast_to: cannot broadcast {shape} to {target}",
        "ko": "broadcast_to: {shape}을(를) {target}(으)로 브로드캐스트할 수 없습니다",
    },
    "error.ops.layout.dim_out_range": {
        "en": "{op}: dim {dim} is out of range for a tensor with {ndim} dims",
        "ko": "{op}: 차원 {dim}은(는) {ndim}차원 텐서의 범위를 벗어납니다",
    },
    "error.ops.layout.start_dim_comes_after": {
        "en": "flatten: start_dim {start_dim} comes after end_dim {end_dim}",
        "ko": "flatten: start_dim {start_dim}이(가) end_dim {end_dim}보다 뒤에 있습니다",
    },
    "error.ops.layout.dims_given_tensor": {
        "en": "permute: {n_d} dims given for a tensor with {ndim} dims",
        "ko": "permute: {ndim}차원 텐서에 차원 {n_d}개를 주었습니다",
    },
    "error.ops.layout.source_dims_but": {
        "en": "movedim: {n_src} source dims but {n_dst} destinations",
        "ko": "movedim: 원래 차원은 {n_src}개인데 목적지는 {n_dst}개입니다",
    },
    "error.ops.layout.repeated_dims": {
        "en": "movedim: repeated dims in {source} -> {destination}",
        "ko": "movedim: {source} -> {destination}에 같은 차원이 반복됩니다",
    },
    "error.ops.layout.shifts_dims": {
        "en": "roll: {n_sh} shifts for {n_axes} dims",
        "ko": "roll: 차원 {n_axes}개에 이동량 {n_sh}개를 주었습니다",
    },
    "error.ops.layout.repeat_counts_tensor": {
        "en": "repeat: {n_reps} repeat counts for a tensor with {ndim} dims (need >= {ndim}; use tile to pad with ones)",
        "ko": "repeat: {ndim}차원 텐서에 반복 횟수 {n_reps}개를 주었습니다({ndim}개 이상이어야 합니다. 1로 채우려면 tile을 쓰세요)",
    },
    "error.ops.layout.counts": {
        "en": "repeat: counts must be >= 0, got {reps}",
        "ko": "repeat: 반복 횟수는 0 이상이어야 하는데 {reps}을(를) 받았습니다",
    },
    "error.ops.layout.sizes_tensor_dims": {
        "en": "expand: {n_target} sizes for a tensor with {ndim} dims",
        "ko": "expand: {ndim}차원 텐서에 크기 {n_target}개를 주었습니다",
    },
    "error.ops.layout.only_allowed_existing": {
        "en": "expand: -1 is only allowed for existing dims, got {target}",
        "ko": "expand: -1은 이미 있는 차원에만 쓸 수 있는데 {target}을(를) 받았습니다",
    },
    "error.ops.layout.chunks": {
        "en": "chunk: chunks must be >= 1, got {chunks}",
        "ko": "chunk: chunks는 1 이상이어야 하는데 {chunks}을(를) 받았습니다",
    },
    "error.ops.layout.only_mode_constant": {
        "en": "pad: only mode='constant' is supported, got {mode!r}",
        "ko": "pad: mode='constant'만 지원하는데 {mode!r}을(를) 받았습니다",
    },
    "error.ops.layout.even_number_amounts": {
        "en": "pad: expected an even number of amounts, at most 2 per axis ({most}), got {p}",
        "ko": "pad: 채울 양은 짝수 개, 축마다 최대 2개({most})여야 하는데 {p}을(를) 받았습니다",
    },
    "error.ops.layout.split_size": {
        "en": "split: split_size must be >= 1, got {size}",
        "ko": "split: split_size는 1 이상이어야 하는데 {size}을(를) 받았습니다",
    },
    "error.ops.layout.sections_do_add": {
        "en": "split: sections {sizes} do not add up to dim {dim}'s size {n}",
        "ko": "split: 구간 {sizes}의 합이 차원 {dim}의 크기 {n}과(와) 같지 않습니다",
    },
    "error.ops.layout.tensor_least_dims": {
        "en": "{op}: expected a tensor with at least 2 dims, got {shape}",
        "ko": "{op}: 적어도 2차원인 텐서가 와야 하는데 {shape}을(를) 받았습니다",
    },
    "error.ops.layout.amounts_crop_more": {
        "en": "pad: amounts {p} crop more than the size of an axis of {shape}",
        "ko": "pad: 양 {p}이(가) {shape}의 한 축의 크기보다 더 많이 잘라 냅니다",
    },
    "error.ops.index.index_hold_integers": {
        "en": "{op}: index must hold integers, got dtype {dtype}",
        "ko": "{op}: 인덱스는 정수여야 하는데 dtype {dtype}을(를) 받았습니다",
    },
    "error.ops.index.dim_out_range": {
        "en": "{op}: dim {dim} is out of range for a tensor with {ndim} dims",
        "ko": "{op}: 차원 {dim}은(는) {ndim}차원 텐서의 범위를 벗어납니다",
    },
    "error.ops.index.index_shape_does": {
        "en": "gather: index of shape {shape} does not fit input {shape2} on dim {dim}",
        "ko": "gather: 모양이 {shape}인 인덱스는 차원 {dim}에서 입력 {shape2}에 맞지 않습니다",
    },
    "error.ops.index.index_out_range": {
        "en": "gather: index out of range [-{n}, {n}) on dim {dim}",
        "ko": "gather: 인덱스가 차원 {dim}의 범위 [-{n}, {n})을(를) 벗어났습니다",
    },
    "error.ops.index.index_d_shape": {
        "en": "index_select: index must be 1-D, got shape {shape}",
        "ko": "index_select: 인덱스는 1차원이어야 하는데 모양이 {shape}입니다",
    },
    "error.ops.index.mask_boolean_dtype": {
        "en": "{op}: mask must be boolean, got dtype {dtype}",
        "ko": "{op}: mask는 불리언이어야 하는데 dtype {dtype}을(를) 받았습니다",
    },
    "error.ops.index.give_both_x": {
        "en": "where: give both x and y, or neither",
        "ko": "where: x와 y를 둘 다 주거나 둘 다 주지 마세요",
    },
    "error.ops.index.labels": {
        "en": "one_hot: labels must be in [0, {n}), got {min}..{max}",
        "ko": "one_hot: 레이블은 [0, {n}) 범위여야 하는데 {min}..{max}을(를) 받았습니다",
    },
    "error.ops.index.weight_num_embeddings_dim": {
        "en": "embedding: weight must be (num_embeddings, dim), got {shape}",
        "ko": "embedding: weight의 모양은 (num_embeddings, dim)이어야 하는데 {shape}을(를) 받았습니다",
    },
    "error.ops.index.ids": {
        "en": "embedding: ids must be in [0, {n}), got {min}..{max}",
        "ko": "embedding: 번호(id)는 [0, {n}) 범위여야 하는데 {min}..{max}을(를) 받았습니다",
    },
    "error.ops.index.mask_broadcast": {
        "en": "masked_fill: mask {shape} must broadcast to {shape2}",
        "ko": "masked_fill: mask {shape}은(는) {shape2}(으)로 브로드캐스트되어야 합니다",
    },
    "error.ops.index.condition_x_y": {
        "en": "where: condition {shape}, x {shape2} and y {shape3} cannot be broadcast together",
        "ko": "where: condition {shape}, x {shape2}, y {shape3}을(를) 함께 브로드캐스트할 수 없습니다",
    },
    "error.ops.creation.size_ints_tuple": {
        "en": "{op}: size must be ints or one tuple of ints, got {size!r}",
        "ko": "{op}: size는 정수들이나 정수 튜플 하나여야 하는데 {size!r}을(를) 받았습니다",
    },
    "error.ops.creation.sizes": {
        "en": "{op}: sizes must be >= 0, got {size}",
        "ko": "{op}: 크기는 0 이상이어야 하는데 {size}을(를) 받았습니다",
    },
    "error.ops.creation.step_nonzero": {
        "en": "arange: step must be nonzero",
        "ko": "arange: step은 0이 아니어야 합니다",
    },
    "error.ops.creation.steps": {
        "en": "linspace: steps must be >= 0, got {steps}",
        "ko": "linspace: steps는 0 이상이어야 하는데 {steps}을(를) 받았습니다",
    },
    "error.ops.creation.high_low_low": {
        "en": "randint: high must be > low, got low={low}, high={high}",
        "ko": "randint: high는 low보다 커야 하는데 low={low}, high={high}을(를) 받았습니다",
    },
    "error.ops.creation.random_like_float": {
        "en": "random *_like: expected a float dtype, got {dt} (pass dtype=)",
        "ko": "random *_like: 실수 dtype이 와야 하는데 {dt}을(를) 받았습니다(dtype=를 주세요)",
    },
    "error.ops.creation.dtype_float_np": {
        "en": "expected a dtype (e.g. 'float32', np.int64), got {dtype!r}",
        "ko": "dtype(예: 'float32', np.int64)이 와야 하는데 {dtype!r}을(를) 받았습니다",
    },
    "error.ops.creation.randint_high_size": {
        "en": "randint: expected randint(high, size) or randint(low, high, size)",
        "ko": "randint: randint(high, size)나 randint(low, high, size) 꼴로 불러야 합니다",
    },
    "error.ops.norm.axis_int_pair": {
        "en": "norm: axis must be an int or a pair of ints, got {axis!r}",
        "ko": "norm: axis는 정수나 정수 두 개의 쌍이어야 하는데 {axis!r}을(를) 받았습니다",
    },
    "error.ops.norm.vector_norms_take": {
        "en": "{op}: vector norms take ord = p > 0, 0, inf or -inf, got {ord!r} ('fro' is a matrix norm: pass two axes)",
        "ko": "{op}: 벡터 노름의 ord는 p > 0, 0, inf, -inf 중 하나여야 하는데 {ord!r}을(를) 받았습니다('fro'는 행렬 노름입니다. 축 두 개를 주세요)",
    },
    "error.ops.norm.two_axes_rows": {
        "en": "{op}: expected two axes (rows, columns), got {axis!r}",
        "ko": "{op}: 축 두 개(행, 열)가 와야 하는데 {axis!r}을(를) 받았습니다",
    },
    "error.ops.norm.two_axes_differ": {
        "en": "{op}: the two axes must differ, got {axis!r}",
        "ko": "{op}: 두 축은 서로 달라야 하는데 {axis!r}을(를) 받았습니다",
    },
    "error.ops.norm.ord_fro_inf": {
        "en": "{op}: ord must be 'fro', 1, -1, inf or -inf, got {ord!r} (the spectral and nuclear norms are not implemented)",
        "ko": "{op}: ord는 'fro', 1, -1, inf, -inf 중 하나여야 하는데 {ord!r}을(를) 받았습니다(스펙트럼 노름과 핵 노름은 구현되어 있지 않습니다)",
    },
    "error.ops.norm.ord_axis_x": {
        "en": "norm: with ord={ord!r} and no axis, x must be 1-D or 2-D, got shape {shape}",
        "ko": "norm: ord={ord!r}이고 axis가 없으면 x는 1차원이나 2차원이어야 하는데 모양이 {shape}입니다",
    },
    "error.ops.norm.axis_out_range": {
        "en": "{op}: axis {a} is out of range for a tensor with {ndim} dims",
        "ko": "{op}: 축 {a}은(는) {ndim}차원 텐서의 범위를 벗어납니다",
    },
    "error.ops.normalization.input_batch_channel": {
        "en": "{name}: expected input with a batch and a channel axis, got {shape}",
        "ko": "{name}: 배치 축과 채널 축이 있는 입력이 와야 하는데 {shape}을(를) 받았습니다",
    },
    "error.ops.normalization.axis_out_range": {
        "en": "{name}: axis {axis} is out of range for input of shape {shape}",
        "ko": "{name}: 축 {axis}은(는) 모양이 {shape}인 입력의 범위를 벗어납니다",
    },
    "error.ops.normalization.channels_axis_input": {
        "en": "{name}: expected {c} channels on axis {axis}, got input of shape {shape}",
        "ko": "{name}: 축 {axis}에 채널이 {c}개 있어야 하는데 모양이 {shape}인 입력을 받았습니다",
    },
    "error.ops.normalization.normalize_over_batch": {
        "en": "{name}: cannot normalize over the batch axis 0 (input {shape})",
        "ko": "{name}: 배치 축 0으로는 정규화할 수 없습니다(입력 {shape})",
    },
    "error.ops.normalization.shape": {
        "en": "{name}: {what} of shape {shape}, expected ({c},)",
        "ko": "{name}: {what}의 모양이 {shape}인데 ({c},)이어야 합니다",
    },
    "error.ops.normalization.training_needs_more": {
        "en": "{name}: training needs more than 1 value per channel to estimate a variance, got input of shape {shape}",
        "ko": "{name}: 학습 중에 분산을 추정하려면 채널마다 값이 2개 이상 있어야 하는데 모양이 {shape}인 입력을 받았습니다",
    },
    "error.ops.normalization.shape_axes_input": {
        "en": "{name}: {what} of shape {shape}, expected {pshape} for axes {axes} of input {shape2}",
        "ko": "{name}: {what}의 모양이 {shape}인데 입력 {shape2}의 축 {axes}에 맞게 {pshape}이어야 합니다",
    },
    "error.ops.dropout.noise_shape_does_fit": {
        "en": "{who}: noise_shape {ns} does not fit an input of shape {shape}: expected {n_shape} entries, each None, 1 or the input's size",
        "ko": "{who}: noise_shape {ns}이(가) 모양이 {shape}인 입력에 맞지 않습니다. 항목이 {n_shape}개여야 하고, 각각 None, 1, 또는 입력의 크기여야 합니다",
    },
    "error.ops.attention.inputs_need_least": {
        "en": "scaled_dot_product_attention: inputs need at least 2 dims (L, E)",
        "ko": "scaled_dot_product_attention: 입력은 적어도 2차원 (L, E)이어야 합니다",
    },
    "error.ops.attention.query_key_value": {
        "en": "scaled_dot_product_attention: query {shape}, key {shape2} and value {shape3} do not fit ((..., L, E), (..., S, E), (..., S, Ev))",
        "ko": "scaled_dot_product_attention: query {shape}, key {shape2}, value {shape3}이(가) 서로 맞지 않습니다((..., L, E), (..., S, E), (..., S, Ev)여야 합니다)",
    },
    "error.ops.attention.give_attn_mask_is_causal": {
        "en": "scaled_dot_product_attention: give attn_mask or is_causal, not both",
        "ko": "scaled_dot_product_attention: attn_mask와 is_causal 중 하나만 주세요",
    },
    "error.ops.recurrent.ids_input_dim_values": {
        "en": "{name}: ids must be in [0, {last}] (input_dim={vocab}), got values in [{min}, {max}]",
        "ko": "{name}: 번호(id)는 [0, {last}] 범위여야 하는데(input_dim={vocab}) [{min}, {max}] 범위의 값을 받았습니다",
    },
    "error.ops.recurrent.integer_ids_non": {
        "en": "{name}: expected integer ids, got non-integer floats",
        "ko": "{name}: 정수 번호(id)가 와야 하는데 정수가 아닌 실수를 받았습니다",
    },
    "error.ops.recurrent.integer_ids_dtype": {
        "en": "{name}: expected integer ids, got dtype {dtype}",
        "ko": "{name}: 정수 번호(id)가 와야 하는데 dtype {dtype}을(를) 받았습니다",
    },
    "error.ops.resize.mode": {
        "en": "interpolate: mode must be one of {modes}, got {mode!r}",
        "ko": "interpolate: mode는 {modes} 중 하나여야 하는데 {mode!r}을(를) 받았습니다",
    },
    "error.ops.resize.d_d_input": {
        "en": "interpolate: expected a 3-D or 4-D input (N, C, ...), got {shape}",
        "ko": "interpolate: 3차원이나 4차원 입력 (N, C, ...)이 와야 하는데 {shape}을(를) 받았습니다",
    },
    "error.ops.resize.mode_does_fit": {
        "en": "interpolate: mode {mode!r} does not fit a {ndim}-D input",
        "ko": "interpolate: mode {mode!r}은(는) {ndim}차원 입력에 맞지 않습니다",
    },
    "error.ops.resize.align_corners_only_linear": {
        "en": "interpolate: align_corners is only for the linear modes",
        "ko": "interpolate: align_corners는 선형 보간 모드에서만 쓸 수 있습니다",
    },
    "error.ops.resize.give_exactly_size": {
        "en": "interpolate: give exactly one of size and scale_factor",
        "ko": "interpolate: size와 scale_factor 중 정확히 하나만 주세요",
    },
    "error.ops.resize.output_size_does": {
        "en": "interpolate: output size {out} does not fit input {shape}",
        "ko": "interpolate: 출력 크기 {out}이(가) 입력 {shape}에 맞지 않습니다",
    },
    "error.ops.pool.input_shape_batch": {
        "en": "{name}: expected input of shape (batch, channels, height, width), got {shape}",
        "ko": "{name}: 입력의 모양은 (batch, channels, height, width)여야 하는데 {shape}을(를) 받았습니다",
    },
    "error.ops.pool.pool_size_strides": {
        "en": "{name}: pool_size and strides must be >= 1, got {kernel}, {stride}",
        "ko": "{name}: pool_size와 strides는 1 이상이어야 하는데 {kernel}, {stride}을(를) 받았습니다",
    },
    "error.ops.pool.padding_most_half": {
        "en": "{name}: padding {padding!r} must be at most half the pool size {kernel}",
        "ko": "{name}: padding {padding!r}은(는) 풀 크기 {kernel}의 절반 이하여야 합니다",
    },
    "error.ops.pool_variants.input_shape_batch": {
        "en": "{name}: expected input of shape (batch, channels, height, width), got {shape}",
        "ko": "{name}: 입력의 모양은 (batch, channels, height, width)여야 하는데 {shape}을(를) 받았습니다",
    },
    "error.ops.pool_variants.kernel_size_stride_dilation": {
        "en": "{name}: kernel_size, stride, dilation must be >= 1, padding >= 0",
        "ko": "{name}: kernel_size, stride, dilation은 1 이상, padding은 0 이상이어야 합니다",
    },
    "error.ops.pool_variants.padding_most_half": {
        "en": "{name}: padding {p} must be at most half the kernel size {k}",
        "ko": "{name}: padding {p}은(는) 커널 크기 {k}의 절반 이하여야 합니다",
    },
    "error.ops.pool_variants.window_dilation_larger": {
        "en": "{name}: window {k} (dilation {d}) is larger than the padded input {shape}",
        "ko": "{name}: 창 {k}(dilation {d})이(가) 패딩한 입력 {shape}보다 큽니다",
    },
    "error.ops.pool_variants.divisor_override": {
        "en": "{name}: divisor_override must be >= 1, got {divisor_override}",
        "ko": "{name}: divisor_override는 1 이상이어야 하는데 {divisor_override}을(를) 받았습니다",
    },
    "error.ops.util.shapes_broadcast_together": {
        "en": "{op}: shapes {shape} and {shape2} cannot be broadcast together (trailing dimensions must be equal or 1)",
        "ko": "{op}: 모양 {shape}와(과) {shape2}을(를) 함께 브로드캐스트할 수 없습니다(뒤쪽 차원들이 같거나 1이어야 합니다)",
    },
    "error.ops.util.axis_out_range": {
        "en": "{op}: axis {a} is out of range for a tensor with {ndim} dims",
        "ko": "{op}: 축 {a}은(는) {ndim}차원 텐서의 범위를 벗어납니다",
    },
    "error.ops.kernel_mode.enabled_true_false": {
        "en": "set_reference_kernels: enabled must be True or False, got {enabled!r} ({enabled_type})",
        "ko": "set_reference_kernels: enabled는 True나 False여야 하는데 {enabled!r}({enabled_type})을(를) 받았습니다",
    },
    "error.ops.reference.truncate_grad_norms_features": {
        "en": "{kind}: truncate / grad_norms are features of the fused kernel's backward pass; run without use_reference_kernels() to use them",
        "ko": "{kind}: truncate / grad_norms는 통합 커널 역전파의 기능입니다. 쓰려면 use_reference_kernels() 밖에서 실행하세요",
    },
    "error.ops.normalization.running_var_shape": {
        "en": "{name}: running variance of shape {shape}, expected ({c},)",
        "ko": "{name}: 이동 분산(running variance)의 모양이 {shape}인데 ({c},)이어야 합니다",
    },
    "error.ops.axis": {
        "en": "{who}: {error}",
        "ko": "{who}: 축이 범위를 벗어났습니다({error})",
    },
    # ---- the command line: outputs and help of every subcommand ----
    "cli.train.mlp": {
        "en": "MLP {sizes}",
        "ko": "은닉층이 {sizes}인 MLP",
    },
    "cli.train.cnn": {
        "en": "CNN dense {sizes}",
        "ko": "Dense 층이 {sizes}인 CNN",
    },
    "cli.train.start": {
        "en": "mitbadak {version}: {desc} on {dataset} ({n_train} train / {n_val} validation / {n_test} test), {optimizer} lr={lr}, batch {batch_size}, {params:,} parameters",
        "ko": "mitbadak {version}: {dataset} 데이터로 학습합니다. {desc}, 학습 {n_train}개 / 검증 {n_val}개 / 테스트 {n_test}개, 옵티마이저 {optimizer}, 학습률 {lr}, 배치 크기 {batch_size}, 파라미터 {params:,}개",
    },
    "cli.train.report_title": {
        "en": "mitbadak train: {desc} on {dataset}",
        "ko": "mitbadak train: {dataset} 데이터로 학습한 {desc}",
    },
    "cli.inspect.report_title": {
        "en": "mitbadak inspect: {model} on {dataset}",
        "ko": "mitbadak inspect: {dataset} 데이터로 살펴본 {model}",
    },
    "cli.evaluate.result": {
        "en": "{label} on {dataset} test set ({n} images): loss {loss:.4f}  accuracy {acc:.4f}",
        "ko": "{label}, {dataset} 테스트 세트(이미지 {n}개): 손실 {loss:.4f}  정확도 {acc:.4f}",
    },
    "cli.evaluate.pretrained": {
        "en": "{name} on {dataset} test set ({n} images): loss {loss:.4f}  accuracy {acc:.4f} (shipped: {shipped:.4f})",
        "ko": "{name}, {dataset} 테스트 세트(이미지 {n}개): 손실 {loss:.4f}  정확도 {acc:.4f} (배포 당시: {shipped:.4f})",
    },
    "cli.evaluate.pretrained_classes": {
        "en": "{name} on {dataset} test set, classes {classes} ({n} images): loss {loss:.4f}  accuracy {acc:.4f} (shipped: {shipped:.4f})",
        "ko": "{name}, {dataset} 테스트 세트 중 클래스 {classes}(이미지 {n}개): 손실 {loss:.4f}  정확도 {acc:.4f} (배포 당시: {shipped:.4f})",
    },
    "cli.predict.value": {
        "en": "{where}: value {value:.6g}",
        "ko": "{where}: 값 {value:.6g}",
    },
    "cli.predict.class": {
        "en": "{where}: class {label} (probability {p:.4f})",
        "ko": "{where}: 클래스 {label} (확률 {p:.4f})",
    },
    "cli.summary.saved_accuracy": {
        "en": "test accuracy when saved: {acc} on {dataset}",
        "ko": "저장할 때의 테스트 정확도: {acc} ({dataset} 데이터)",
    },
    "cli.export.wrote": {
        "en": "wrote {out}: ONNX opset {opset}, {nodes} nodes",
        "ko": "{out}에 저장했습니다: ONNX opset {opset}, 노드 {nodes}개",
    },
    "cli.playground.started": {
        "en": "mitbadak playground: {url}  (Ctrl-C to stop)",
        "ko": "mitbadak playground: {url}  (멈추려면 Ctrl-C를 누르세요)",
    },
    "cli.playground.stopped": {
        "en": "\nmitbadak playground: stopped",
        "ko": "\nmitbadak playground: 멈췄습니다",
    },
    "model.summary.title": {
        "en": 'Model: "{name}"',
        "ko": '모델: "{name}"',
    },
    "model.summary.layer": {
        "en": "Layer (type)",
        "ko": "층 (종류)",
    },
    "model.summary.shape": {
        "en": "Output Shape",
        "ko": "출력 모양",
    },
    "model.summary.params": {
        "en": "Param #",
        "ko": "파라미터 수",
    },
    "model.summary.connected": {
        "en": "Connected to",
        "ko": "연결된 층",
    },
    "model.summary.shared": {
        "en": "0 (shared)",
        "ko": "0 (공유)",
    },
    "model.summary.total": {
        "en": "Total params: {n:,}",
        "ko": "전체 파라미터: {n:,}개",
    },
    "model.summary.trainable": {
        "en": "Trainable params: {n:,}",
        "ko": "학습되는 파라미터: {n:,}개",
    },
    "model.summary.non_trainable": {
        "en": "Non-trainable params: {n:,}",
        "ko": "학습되지 않는 파라미터: {n:,}개",
    },
    "model.summary.not_built": {
        "en": "(not built yet: call the model on data or fit it to see shapes)",
        "ko": "(아직 빌드되지 않았습니다: 모양을 보려면 모델에 데이터를 넣어 호출하거나 fit으로 학습시켜 보세요)",
    },
    "cli.help.usage": {
        "en": "usage: ",
        "ko": "사용법: ",
    },
    "cli.help.positionals": {
        "en": "positional arguments",
        "ko": "위치 인자",
    },
    "cli.help.options": {
        "en": "options",
        "ko": "옵션",
    },
    "cli.help.help": {
        "en": "show this help message and exit",
        "ko": "이 도움말을 보여 주고 끝냅니다",
    },
    "cli.help.version": {
        "en": "show program's version number and exit",
        "ko": "프로그램의 버전을 보여 주고 끝냅니다",
    },
    "cli.help.default": {
        "en": " (default: %(default)s)",
        "ko": " (기본값: %(default)s)",
    },
    "cli.help.description": {
        "en": "mitbadak: deep learning from scratch on NumPy.",
        "ko": "mitbadak: NumPy로 밑바닥부터 만드는 딥러닝입니다.",
    },
    "cli.help.lang": {
        "en": "language of the output: en or ko (default: $MITBADAK_LANG, else en)",
        "ko": "출력 언어: en 또는 ko (기본값: $MITBADAK_LANG, 없으면 en)",
    },
    "cli.help.model_file": {
        "en": "a model file saved by mitbadak (.npz)",
        "ko": "mitbadak으로 저장한 모델 파일(.npz)",
    },
    "cli.help.pretrained": {
        "en": "a pretrained model shipped with mitbadak instead of a file ({names})",
        "ko": "파일 대신 쓸, mitbadak에 함께 들어 있는 사전 학습 모델({names})",
    },
    "cli.help.no_pretrained": {
        "en": "none in this installation",
        "ko": "이 설치에는 없습니다",
    },
    "cli.train.help": {
        "en": "train a network and save it",
        "ko": "신경망을 학습시키고 저장합니다",
    },
    "cli.train.description": {
        "en": "Train a network on a data set and save it. By default: a multi-layer perceptron on the 8x8 handwritten digits that ship with mitbadak (1,797 images, 10 classes), mini-batch SGD with momentum on softmax cross-entropy. Prints loss and accuracy per epoch, the final test accuracy, and saves the model to --out.",
        "ko": "데이터 세트로 신경망을 학습시키고 저장합니다. 기본 설정은 mitbadak에 들어 있는 8x8 손글씨 숫자(이미지 1,797장, 클래스 10개)로 다층 퍼셉트론을 학습시키며, 손실함수는 소프트맥스 교차 엔트로피, 옵티마이저는 모멘텀을 쓴 미니배치 SGD입니다. 에폭마다 손실과 정확도를, 마지막에 테스트 정확도를 출력하고 모델을 --out에 저장합니다.",
    },
    "cli.train.help.dataset": {
        "en": "digits (embedded); mnist / fashion-mnist (read from $MITBADAK_DATA or the cache)",
        "ko": "digits(패키지에 들어 있음), mnist / fashion-mnist($MITBADAK_DATA나 캐시에서 읽음)",
    },
    "cli.train.help.model": {
        "en": "network type",
        "ko": "신경망의 종류",
    },
    "cli.train.help.epochs": {
        "en": "passes over the training set",
        "ko": "학습 데이터 전체를 몇 번 볼지(에폭 수)",
    },
    "cli.train.help.batch_size": {
        "en": "samples per gradient step",
        "ko": "한 번의 갱신에 쓰는 샘플 수(배치 크기)",
    },
    "cli.train.help.optimizer": {
        "en": "update rule (hyper-parameters as in torch.optim)",
        "ko": "갱신 규칙(하이퍼파라미터는 torch.optim과 같습니다)",
    },
    "cli.train.help.lr": {
        "en": "learning rate [default: 0.05 for sgd, 0.01 adagrad, 0.001 rmsprop/adam/adamw]",
        "ko": "학습률 [기본값: sgd는 0.05, adagrad는 0.01, rmsprop/adam/adamw는 0.001]",
    },
    "cli.train.help.momentum": {
        "en": "SGD momentum (0 for plain SGD)",
        "ko": "SGD의 모멘텀(0이면 기본 SGD)",
    },
    "cli.train.help.lr_schedule": {
        "en": "learning rate per epoch: none, step (step_size=epochs/3, gamma=0.1), exponential (decay_rate=0.9), cosine (decay_steps=epochs), inverse_time (decay_rate=0.5)",
        "ko": "에폭마다 학습률을 바꾸는 방법: none, step (step_size=epochs/3, gamma=0.1), exponential (decay_rate=0.9), cosine (decay_steps=epochs), inverse_time (decay_rate=0.5)",
    },
    "cli.train.help.early_stopping": {
        "en": "stop when val_loss has not improved for PATIENCE epochs; keep the best weights",
        "ko": "val_loss가 PATIENCE 에폭 동안 나아지지 않으면 학습을 멈추고 가장 좋았던 가중치를 남깁니다",
    },
    "cli.train.help.hidden": {
        "en": "hidden layer widths of the MLP (or dense widths of the CNN), comma-separated",
        "ko": "MLP 은닉층의 너비(CNN에서는 Dense 층의 너비), 쉼표로 구분합니다",
    },
    "cli.train.help.dropout": {
        "en": "dropout rate",
        "ko": "드롭아웃 비율",
    },
    "cli.train.help.batchnorm": {
        "en": "batch normalization layers",
        "ko": "배치 정규화 층을 넣습니다",
    },
    "cli.train.help.l2": {
        "en": "L2 penalty on the kernels",
        "ko": "커널(가중치)에 거는 L2 규제의 세기",
    },
    "cli.train.help.init": {
        "en": "kernel initializer (he_normal, glorot_uniform, ...)",
        "ko": "커널의 가중치 초기화 방법(he_normal, glorot_uniform, ...)",
    },
    "cli.train.help.augment": {
        "en": "training-batch augmentation spec (see mitbadak.data.augment.from_spec)",
        "ko": "학습 배치에 쓰는 데이터 증강 설정(mitbadak.data.augment.from_spec을 보세요)",
    },
    "cli.train.help.seed": {
        "en": "random seed: same seed, same result",
        "ko": "랜덤 시드: 시드가 같으면 결과도 같습니다",
    },
    "cli.train.help.device": {
        "en": "cpu, or cuda to train on the GPU through CuPy (pip install 'mitbadak[gpu]')",
        "ko": "cpu, 또는 CuPy로 GPU에서 학습하려면 cuda (pip install 'mitbadak[gpu]')",
    },
    "cli.train.help.test_size": {
        "en": "fraction of the digits kept for testing (MNIST has its own test set)",
        "ko": "digits 중 테스트용으로 떼어 두는 비율(MNIST는 테스트 세트가 따로 있습니다)",
    },
    "cli.train.help.validation_split": {
        "en": "fraction of the training data held out for validation",
        "ko": "학습 데이터 중 검증용으로 떼어 두는 비율",
    },
    "cli.train.help.out": {
        "en": "where to save the model (default: <dataset>_<model>.npz)",
        "ko": "모델을 저장할 파일 (기본값: <dataset>_<model>.npz)",
    },
    "cli.train.help.quiet": {
        "en": "print only the final result",
        "ko": "최종 결과만 출력합니다",
    },
    "cli.train.help.doctor": {
        "en": "watch the run and print what goes wrong, with fixes",
        "ko": "학습을 지켜보다가 잘못되는 점을 처방과 함께 알려 줍니다",
    },
    "cli.train.help.report": {
        "en": "write DIR/index.html: curves, histograms, maps, mistakes, findings (offline)",
        "ko": "DIR/index.html을 씁니다: 학습 곡선, 히스토그램, 지도, 틀린 예, 진단 결과(오프라인으로 열립니다)",
    },
    "cli.evaluate.help": {
        "en": "loss and accuracy of a saved model on a test set",
        "ko": "저장한 모델의 테스트 세트 손실과 정확도를 구합니다",
    },
    "cli.evaluate.description": {
        "en": "Evaluate a saved model on the test part of a data set (by default the one it was trained on).",
        "ko": "저장한 모델을 데이터 세트의 테스트 부분으로 평가합니다(기본값은 그 모델을 학습시킨 데이터 세트입니다).",
    },
    "cli.evaluate.help.dataset": {
        "en": "data set",
        "ko": "데이터 세트",
    },
    "cli.predict.help": {
        "en": "classify images with a saved model",
        "ko": "저장한 모델로 이미지를 분류합니다",
    },
    "cli.predict.description": {
        "en": "Print the predicted class and its probability for each image. Images are .npy arrays (always) or PNG/JPEG files (with Pillow or matplotlib installed), grey levels scaled to [0, 1] and resized to the model's input size; like the training data, the digit should be light on a dark background.",
        "ko": "이미지마다 예측한 클래스와 그 확률을 출력합니다. 이미지는 .npy 배열(언제나 가능)이나 PNG/JPEG 파일(Pillow나 matplotlib이 설치되어 있을 때)이며, 회색조 값을 [0, 1]로 맞추고 모델의 입력 크기로 바꿉니다. 학습 데이터처럼 어두운 배경에 밝은 숫자여야 합니다.",
    },
    "cli.predict.help.images": {
        "en": ".npy, .png or .jpg files",
        "ko": ".npy, .png, .jpg 파일",
    },
    "cli.summary.help": {
        "en": "print the layers and parameter counts of a model",
        "ko": "모델의 층과 파라미터 수를 출력합니다",
    },
    "cli.export.help": {
        "en": "export a saved model to ONNX",
        "ko": "저장한 모델을 ONNX로 내보냅니다",
    },
    "cli.export.description": {
        "en": "Write a saved mitbadak model as an ONNX file (needs the 'onnx' extra).",
        "ko": "저장한 mitbadak 모델을 ONNX 파일로 씁니다('onnx' extra가 필요합니다).",
    },
    "cli.export.help.model": {
        "en": "a model file saved by mitbadak",
        "ko": "mitbadak으로 저장한 모델 파일",
    },
    "cli.export.help.out": {
        "en": "the ONNX file to write (e.g. model.onnx)",
        "ko": "쓸 ONNX 파일(예: model.onnx)",
    },
    "cli.export.help.opset": {
        "en": "ONNX opset (default: 17)",
        "ko": "ONNX opset (기본값: 17)",
    },
    "cli.lesson.help": {
        "en": "run a lesson: figures, numbers and a report",
        "ko": "수업을 실행합니다: 그림, 숫자, 보고서",
    },
    "cli.lesson.help.name": {
        "en": "a lesson name, or 'all' for the report",
        "ko": "수업 이름, 또는 전체 보고서를 만드는 'all'",
    },
    "cli.lesson.help.out": {
        "en": "output folder (default: lessons/)",
        "ko": "출력 폴더 (기본값: lessons/)",
    },
    "cli.lesson.help.quick": {
        "en": "small, fast configurations",
        "ko": "작고 빠른 설정으로 실행합니다",
    },
    "cli.lesson.help.seed": {
        "en": "random seed (default: 0)",
        "ko": "랜덤 시드 (기본값: 0)",
    },
    "cli.inspect.help": {
        "en": "write an HTML page about a saved model on a test set",
        "ko": "저장한 모델을 테스트 세트로 살펴본 HTML 페이지를 씁니다",
    },
    "cli.inspect.description": {
        "en": "Look inside a saved model on the test set of a data set: confusion matrix, most confident mistakes, top losses, saliency and Grad-CAM, a PCA / t-SNE map of its representations, robustness and accuracy-coverage curves, in one HTML page that opens offline.",
        "ko": "저장한 모델의 속을 데이터 세트의 테스트 세트로 들여다봅니다. 혼동 행렬, 가장 자신 있게 틀린 예, 손실이 가장 큰 예, saliency와 Grad-CAM, 표현의 PCA / t-SNE 지도, 강건성 곡선과 정확도-커버리지 곡선을 오프라인으로 열리는 HTML 페이지 하나에 담습니다.",
    },
    "cli.inspect.help.data": {
        "en": "test set",
        "ko": "테스트 세트",
    },
    "cli.inspect.help.out": {
        "en": "output folder (default: inspect/)",
        "ko": "출력 폴더 (기본값: inspect/)",
    },
    "cli.inspect.help.samples": {
        "en": "test samples to look at",
        "ko": "살펴볼 테스트 샘플 수",
    },
    "cli.playground.help": {
        "en": "train networks live in the browser (a local page)",
        "ko": "브라우저에서 신경망을 실시간으로 학습시킵니다(이 컴퓨터의 페이지)",
    },
    "cli.playground.description": {
        "en": "Start a local web server with the playground page (TensorFlow Playground's controls, trained by mitbadak) and a digits tab, and open it in the browser. Ctrl-C stops it.",
        "ko": "플레이그라운드 페이지(TensorFlow Playground와 같은 조작 화면으로, 학습은 mitbadak이 합니다)와 숫자 탭이 있는 로컬 웹 서버를 띄우고 브라우저에서 엽니다. Ctrl-C로 멈춥니다.",
    },
    "cli.playground.help.port": {
        "en": "port (default: 8765)",
        "ko": "포트 (기본값: 8765)",
    },
    "cli.playground.help.host": {
        "en": "address to bind (default: 127.0.0.1, this machine)",
        "ko": "서버가 쓸 주소 (기본값: 127.0.0.1, 이 컴퓨터)",
    },
    "cli.playground.help.no_browser": {
        "en": "do not open a browser",
        "ko": "브라우저를 열지 않습니다",
    },
    # ---- the instruments' report and warnings ----
    "report.default_title": {
        "en": "mitbadak: inside the model",
        "ko": "mitbadak: 모델 들여다보기",
    },
    "report.no_problem": {
        "en": "The doctor found no problem.",
        "ko": "닥터가 찾은 문제가 없습니다.",
    },
    "report.finding_epoch": {"en": "(epoch {epoch})", "ko": "({epoch}번째 에폭)"},
    "report.fix": {"en": "Fix:", "ko": "고치는 방법:"},
    "report.not_available": {
        "en": "({what}: not available: {error})",
        "ko": "({what}: 그릴 수 없습니다: {error})",
    },
    "report.layer_std": {"en": "{name} (std {std:.3g})", "ko": "{name} (표준편차 {std:.3g})"},
    "report.weights_per_layer": {"en": "weights per layer", "ko": "층별 가중치"},
    "report.accuracy_on": {
        "en": "Accuracy {accuracy:.4f} on {n} samples.",
        "ko": "표본 {n}개에 대한 정확도는 {accuracy:.4f}입니다.",
    },
    "report.doctor": {"en": "Doctor", "ko": "닥터(Doctor)의 진단"},
    "report.no_figures": {
        "en": "No figures: figures need matplotlib: {install}.",
        "ko": "그림이 없습니다. 그림을 그리려면 matplotlib이 필요합니다: {install}.",
    },
    "report.learning_curves": {"en": "Learning curves", "ko": "학습 곡선"},
    "report.learning_curves_what": {"en": "learning curves", "ko": "학습 곡선"},
    "report.inside_heading": {
        "en": "Weights, gradients, activations",
        "ko": "가중치, 기울기, 활성화값",
    },
    "report.kind.weights": {"en": "weights", "ko": "가중치"},
    "report.kind.gradients": {"en": "gradients", "ko": "기울기"},
    "report.kind.activations": {"en": "activations", "ko": "활성화값"},
    "report.kind_per_epoch": {"en": "{kind} per epoch", "ko": "에폭별 {kind}"},
    "report.kind_per_layer_epoch": {
        "en": "{kind} per layer, per epoch",
        "ko": "층별, 에폭별 {kind}",
    },
    "report.epoch_n": {"en": "epoch {epoch}", "ko": "{epoch}번째 에폭"},
    "report.mistakes": {"en": "Mistakes", "ko": "틀린 예측"},
    "report.mistakes_what": {"en": "mistakes", "ko": "틀린 예측"},
    "report.confusion_matrix": {"en": "confusion matrix", "ko": "혼동 행렬"},
    "report.true_pred": {"en": "true \\ pred", "ko": "정답 \\ 예측"},
    "report.top_losses": {
        "en": "Top losses (the samples the model is most wrong about):",
        "ko": "손실이 가장 큰 표본들(모델이 가장 크게 틀린 표본)입니다:",
    },
    "report.col.sample": {"en": "sample", "ko": "표본"},
    "report.col.true": {"en": "true", "ko": "정답"},
    "report.col.predicted": {"en": "predicted", "ko": "예측"},
    "report.col.p_predicted": {"en": "p(predicted)", "ko": "p(예측)"},
    "report.col.p_true": {"en": "p(true)", "ko": "p(정답)"},
    "report.col.loss": {"en": "loss", "ko": "손실"},
    "report.mistakes_caption": {
        "en": "most confident mistakes: truth / prediction",
        "ko": "가장 자신 있게 틀린 예측: 정답 / 예측",
    },
    "report.mistakes_title": {
        "en": "most confident mistakes (truth / prediction)",
        "ko": "가장 자신 있게 틀린 예측 (정답 / 예측)",
    },
    "report.where_looks": {"en": "Where the model looks", "ko": "모델이 보는 곳"},
    "report.saliency": {"en": "saliency", "ko": "saliency(민감도 지도)"},
    "report.saliency_title": {"en": "saliency |dscore/dx|", "ko": "민감도 |dscore/dx|"},
    "report.saliency_caption": {
        "en": "saliency of the predicted class",
        "ko": "예측한 클래스의 saliency",
    },
    "report.grad_cam_caption": {
        "en": "Grad-CAM of the last convolutional layer",
        "ko": "마지막 합성곱층의 Grad-CAM",
    },
    "report.representations": {"en": "Representations", "ko": "표현"},
    "report.pca_map": {"en": "PCA map", "ko": "PCA 지도"},
    "report.pca_title": {
        "en": "PCA of the penultimate layer",
        "ko": "끝에서 두 번째 층의 PCA",
    },
    "report.tsne_map": {"en": "t-SNE map", "ko": "t-SNE 지도"},
    "report.tsne_title": {
        "en": "t-SNE of the penultimate layer",
        "ko": "끝에서 두 번째 층의 t-SNE",
    },
    "report.tsne_needs_sklearn": {
        "en": "(t-SNE map: install scikit-learn)",
        "ko": "(t-SNE 지도: scikit-learn을 설치해 보세요)",
    },
    "report.robustness": {"en": "Robustness", "ko": "강건성"},
    "report.robustness_what": {"en": "robustness", "ko": "강건성"},
    "report.robust.noise": {"en": "noise", "ko": "잡음"},
    "report.robust.rotation": {"en": "rotation", "ko": "회전"},
    "report.robust.shift": {"en": "shift", "ko": "이동"},
    "report.unit.noise": {"en": "noise std", "ko": "잡음의 표준편차"},
    "report.unit.rotation": {"en": "degrees", "ko": "각도(도)"},
    "report.unit.shift": {"en": "pixels (right and down)", "ko": "픽셀 (오른쪽과 아래로)"},
    "report.accuracy": {"en": "accuracy", "ko": "정확도"},
    "report.dont_know": {"en": '"I don\'t know"', "ko": '"모르겠습니다"'},
    "report.dont_know_text": {
        "en": "The model answers only when its top probability reaches the threshold:",
        "ko": "모델은 가장 높은 확률이 문턱값에 이를 때만 답합니다:",
    },
    "report.col.threshold": {"en": "threshold", "ko": "문턱값"},
    "report.col.coverage": {"en": "coverage", "ko": "답한 비율"},
    "report.col.accuracy_answered": {
        "en": "accuracy on answered",
        "ko": "답한 표본의 정확도",
    },
    "report.coverage_what": {"en": "coverage", "ko": "답한 비율"},
    "report.coverage_label": {"en": "coverage (answered)", "ko": "답한 비율"},
    "report.confidence_threshold": {"en": "confidence threshold", "ko": "확신도 문턱값"},
    "report.coverage_title": {
        "en": '"I don\'t know": accuracy vs coverage',
        "ko": '"모르겠습니다": 답한 비율과 정확도',
    },
    "report.lr_finder": {"en": "learning-rate finder", "ko": "학습률 찾기"},
    "report.loss_per_step": {"en": "loss per step", "ko": "스텝별 손실"},
    "report.smoothed": {"en": "smoothed", "ko": "평활화한 손실"},
    "report.suggested": {"en": "suggested {lr:.2g}", "ko": "추천값 {lr:.2g}"},
    "report.learning_rate": {"en": "learning rate", "ko": "학습률"},
    "report.loss": {"en": "loss", "ko": "손실"},
    "report.epoch": {"en": "epoch", "ko": "에폭"},
    "report.predicted": {"en": "predicted", "ko": "예측"},
    "report.true": {"en": "true", "ko": "정답"},
    "report.first_layer_weights": {"en": "first-layer weights", "ko": "첫 번째 층의 가중치"},
    "report.font_note": {
        "en": "(The figures' text is in English: no font for this language is installed.)",
        "ko": "(한글 글꼴이 설치되어 있지 않아 그림 속 글자는 영어로 표시했습니다. `sudo apt-get install fonts-nanum`으로 나눔 글꼴을 설치하면 그림도 한글로 나옵니다.)",
    },
    "warning.model.frozen": {
        "en": "Model '{name}' has no trainable weights (every layer frozen, or weights kept where they are not tracked): fit will not change it",
        "ko": "모델 '{name}'에 학습할 가중치가 없습니다(모든 층이 동결되었거나, 가중치가 추적되지 않는 곳에 있습니다). fit으로 학습해도 모델은 바뀌지 않습니다",
    },
    "warning.kmeans.n_init_ignored": {
        "en": "KMeans: explicit initial centres were given, so n_init={n_init} is ignored and a single run is made",
        "ko": "KMeans: 초기 중심을 직접 주었으므로 n_init={n_init}은(는) 무시하고 한 번만 실행합니다",
    },
    "warning.kmeans.few_clusters": {
        "en": "KMeans: found only {found} distinct clusters (n_clusters={k}); X probably has duplicate points",
        "ko": "KMeans: 서로 다른 군집을 {found}개만 찾았습니다(n_clusters={k}). X에 중복된 점이 있는 것 같습니다",
    },
    "warning.classic.column_y": {
        "en": "A column-vector y was passed when a 1d array was expected. Please change the shape of y to (n_samples,), for example using ravel() ({where})",
        "ko": "1차원 배열이 와야 할 자리에 열 벡터 y가 왔습니다. y의 모양을 (n_samples,)로 바꿔 주세요. 예를 들어 ravel()을 쓰면 됩니다 ({where})",
    },
    "warning.logistic.newton": {
        "en": "LogisticRegression: Newton-CG did not converge in {max_iter} iterations (max|gradient| = {grad:.3g} > tol={tol}); increase max_iter",
        "ko": "LogisticRegression: Newton-CG가 {max_iter}번 반복 안에 수렴하지 않았습니다(max|gradient| = {grad:.3g} > tol={tol}). max_iter를 늘려 보세요",
    },
    "warning.logistic.fista": {
        "en": "LogisticRegression(penalty='l1'): FISTA did not converge in {max_iter} iterations; increase max_iter (each iteration is one proximal-gradient step)",
        "ko": "LogisticRegression(penalty='l1'): FISTA가 {max_iter}번 반복 안에 수렴하지 않았습니다. max_iter를 늘려 보세요(반복 한 번이 근위 경사 스텝 한 번입니다)",
    },
    "warning.svm.dual": {
        "en": "LinearSVC: the dual solver did not converge in max_iter={max_iter} passes; increase max_iter or scale the data",
        "ko": "LinearSVC: 쌍대 문제 풀이가 max_iter={max_iter}번 반복 안에 수렴하지 않았습니다. max_iter를 늘리거나 데이터의 스케일을 맞춰 보세요",
    },
    "warning.linear.gd": {
        "en": "LinearRegression(solver='gd') did not converge in {max_iter} epochs (last step {step:.3g} > tol={tol})",
        "ko": "LinearRegression(solver='gd')이 {max_iter}번의 에폭 안에 수렴하지 않았습니다(마지막 스텝 {step:.3g} > tol={tol})",
    },
    "warning.linear.cd": {
        "en": "coordinate descent did not converge in {max_iter} iterations (duality gap {gap:.3g} > {tol:.3g}); increase max_iter or tol",
        "ko": "좌표 하강법이 {max_iter}번 반복 안에 수렴하지 않았습니다(쌍대 간극 {gap:.3g} > {tol:.3g}). max_iter나 tol을 늘려 보세요",
    },
    "warning.batching.ran_out": {
        "en": "{who}: the input ran out of data; give a source that can be iterated again (a DataLoader, a list of batches) or set steps_per_epoch * epochs batches",
        "ko": "{who}: 입력 데이터가 바닥났습니다. 다시 반복할 수 있는 입력(DataLoader, 배치의 리스트)을 주거나, steps_per_epoch * epochs개의 배치를 준비해 주세요",
    },
    "warning.callbacks.early_stopping_monitor": {
        "en": "EarlyStopping: '{monitor}' is not in the logs (available: {available}); nothing is monitored",
        "ko": "EarlyStopping: 로그에 '{monitor}'이(가) 없습니다(있는 것: {available}). 아무것도 지켜보지 않습니다",
    },
    "warning.callbacks.reduce_lr_monitor": {
        "en": "ReduceLROnPlateau: '{monitor}' is not in the logs (available: {available})",
        "ko": "ReduceLROnPlateau: 로그에 '{monitor}'이(가) 없습니다(있는 것: {available})",
    },
    "warning.callbacks.checkpoint_monitor": {
        "en": "ModelCheckpoint: '{monitor}' is not in the logs; saving every epoch",
        "ko": "ModelCheckpoint: 로그에 '{monitor}'이(가) 없습니다. 매 에폭 저장합니다",
    },
}


_LANG: contextvars.ContextVar[str | None] = contextvars.ContextVar("mitbadak_lang", default=None)


@contextlib.contextmanager
def use_lang(lang: str | None) -> Iterator[str]:
    """Speak ``lang`` inside the ``with`` block (``None``: keep the current language).

    Example:
        >>> with use_lang("ko"):
        ...     message("lesson.claim_label")
        '주장.'
    """
    token = _LANG.set(current_lang(lang))
    try:
        yield _LANG.get() or "en"
    finally:
        _LANG.reset(token)


def current_lang(lang: str | None = None) -> str:
    """The language to speak: ``lang`` if given, else ``$MITBADAK_LANG``, else ``"en"``.

    Example:
        >>> current_lang("ko")
        'ko'
    """
    source = "lang"
    if lang is None and _LANG.get() is not None:
        lang = _LANG.get()
    if lang is None:
        lang, source = os.environ.get("MITBADAK_LANG") or "en", "MITBADAK_LANG"
    lang = str(lang).lower().split("_")[0].split(".")[0]
    if lang not in LANGUAGES:
        raise ConfigError(
            key="error.lang", in_lang="en", lang=lang, source=source, expected=LANGUAGES
        )
    return lang


def message(key: str, lang: str | None = None, /, **values: Any) -> str:
    """The text of message ``key`` in ``lang`` (see :func:`current_lang`), filled with ``values``.

    Example:
        >>> message("lesson.claim_label", "ko")
        '주장.'
    """
    if key not in MESSAGES:
        raise ConfigError(key="error.message.unknown", name=key)
    lang = current_lang(lang)
    text = MESSAGES[key][lang]
    if not values:
        return text
    with use_lang(lang):  # a value that is a Phrase is written in the same language
        return text.format(**values)


class Phrase:
    """A piece of a message (a table entry, filled with ``values``) given as a value to another
    message: it is written in the language of the message it is put in, so a sentence glued
    from pieces is English in English and Korean in Korean.

    Example:
        >>> want = Phrase("error.validate.or_none", what=Phrase("error.validate.whole"))
        >>> message("error.validate.must_be", "en", who="fit", name="epochs", want=want, got="x")
        'fit: epochs must be a whole number or None, got x'
        >>> message("error.validate.must_be", "ko", who="fit", name="epochs", want=want, got="x")
        'fit: epochs은(는) 정수 또는 None이어야 합니다. 받은 값: x'
    """

    def __init__(self, key: str, /, **values: Any) -> None:
        if key not in MESSAGES:
            raise ConfigError(key="error.message.unknown", name=key)
        self.key = key
        self.values = values

    def __format__(self, spec: str) -> str:
        return format(message(self.key, None, **self.values), spec)

    def __str__(self) -> str:
        return message(self.key, None, **self.values)

    def __repr__(self) -> str:
        return f"Phrase({self.key!r}, **{self.values!r})"


_HANGUL_FONTS = ("NanumGothic", "NanumBarunGothic", "Noto Sans CJK KR", "Noto Sans KR",
                 "Malgun Gothic", "AppleGothic", "UnDotum", "Baekmuk Gulim")  # fmt: skip


def hangul_font() -> str | None:
    """The name of an installed font that matplotlib can draw Hangul with, or ``None``.

    Example:
        >>> hangul_font() is None or isinstance(hangul_font(), str)
        True
    """
    try:
        from matplotlib import font_manager
    except ImportError:
        return None
    for attempt in range(2):
        names = {f.name for f in font_manager.fontManager.ttflist}
        for name in _HANGUL_FONTS:
            if name in names:
                return name
        if attempt == 0:  # a font installed after matplotlib built its cache: add it now
            for path in font_manager.findSystemFonts():
                low = path.lower()
                if ("nanum" in low or "cjk" in low or "notosanskr" in low) and low.endswith(
                    (".ttf", ".otf", ".ttc")
                ):
                    font_manager.fontManager.addfont(path)
    return None


def columns(text: str) -> int:
    """The width of ``text`` on a terminal: a wide character (a Hangul syllable) takes two
    columns, so a table with Korean words lines up.

    Example:
        >>> columns("Param #"), columns("파라미터 수")
        (7, 11)
    """
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in str(text))


def pad(text: str, width: int) -> str:
    """``text`` followed by spaces up to ``width`` terminal columns (``str.ljust`` counting a
    wide character as two).

    Example:
        >>> pad("층", 4) + "|", pad("ab", 4) + "|"
        ('층  |', 'ab  |')
    """
    text = str(text)
    return text + " " * max(0, width - columns(text))
