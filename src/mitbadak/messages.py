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
from collections.abc import Iterator
from typing import Any

from .errors import ConfigError

__all__ = ["LANGUAGES", "MESSAGES", "current_lang", "hangul_font", "message", "use_lang"]

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
        "ko": "시그모이드의 기울기는 최대 1/4, 하이퍼볼릭 탄젠트(tanh)는 최대 1이고, |x|가 커지면 둘 다 0으로 사라집니다. ReLU는 x > 0에서 기울기를 정확히 1로 그대로 전달하고, leaky ReLU, ELU, GELU는 x < 0의 일부에서도 0이 아닌 기울기를 유지합니다. 계단함수는 쓸 수 있는 도함수가 없으므로 경사하강법으로 학습시킬 수 없습니다.",
    },
    "lesson.batch-norm.title": {
        "en": "Batch normalization",
        "ko": "배치 정규화",
    },
    "lesson.batch-norm.claim": {
        "en": "Without batch normalization, a 4-hidden-layer ReLU network trained by plain SGD learns only for a narrow choice of initial weight scale and learning rate, and stays near chance (10%) in most of the grid; with a BatchNormalization layer after each hidden Dense, the same network trains in every cell of the grid of learning rates and initial scales (its worst training accuracy is far above the plain network's worst), because every layer's input is re-centred and re-scaled whatever the weights' scale. Where the plain network already trains well, BN brings no gain.",
        "ko": "배치 정규화가 없으면 은닉층 4개짜리 ReLU 신경망을 기본 SGD로 학습할 때 초기 가중치 크기와 학습률을 아주 좁게 골라야만 학습이 되고, 격자의 대부분에서는 우연 수준(10%)에 머뭅니다. 은닉층 Dense마다 BatchNormalization을 붙이면 같은 신경망이 학습률과 초기 크기의 모든 조합에서 학습됩니다. 가중치의 크기와 상관없이 각 층의 입력이 다시 평균 0, 분산 1로 맞춰지기 때문입니다.",
    },
    "lesson.computational-graph.title": {
        "en": "Computational graphs and backpropagation, step by step",
        "ko": "계산 그래프와 오차역전파법, 한 단계씩",
    },
    "lesson.computational-graph.claim": {
        "en": "backward() is the chain rule applied node by node in reverse order: each node multiplies the gradient arriving from above by its own local derivative. Written out by hand for a 2-layer network, every intermediate gradient equals mitbadak's autograd result to float32 precision.",
        "ko": "backward()는 연쇄법칙을 노드마다 역순으로 적용하는 것입니다. 각 노드는 위에서 내려온 기울기에 자기의 국소 미분을 곱해 아래로 넘깁니다. 2층 신경망에 대해 손으로 적은 중간 기울기 하나하나가 mitbadak 자동미분의 결과와 float32 정밀도 안에서 같습니다.",
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
        "ko": "10개 특성 중 3개만 의미 있는 데이터에서 라쏘(L1)는 쓸모없는 특성의 계수를 정확히 0으로 만들고 유용한 3개만 남깁니다. 릿지(L2)는 모든 계수를 0 쪽으로 줄이지만 10개 모두 0이 아닌 채로 둡니다. 규제 경로를 따라가 보면 L1은 특성을 하나씩 떨어뜨리고 L2는 모두를 부드럽게 줄입니다. 기하학적으로 L1 단위 공은 축 위에 꼭짓점이 있는 마름모(L2는 원, L-무한대는 정사각형)이고, 특성 2개짜리 문제에서 라쏘의 해는 마름모의 꼭짓점에 놓입니다.",
    },
    "lesson.learning-rate.title": {
        "en": "The learning rate and its schedules",
        "ko": "학습률과 학습률 감쇠",
    },
    "lesson.learning-rate.claim": {
        "en": "With plain SGD on the digits, a learning rate of 0.001 is too small (the loss creeps down from ln 10 = 2.30 and is still above 1.5 after all epochs, when the good rate has brought it below 0.1), 0.5 is good (test accuracy above 90%), and 5 is too large: the first steps blow the weights up, the loss jumps far above its starting value and the network ends no better than guessing. Schedules lower the rate as training goes: step decay in stairs, exponential decay smoothly, ReduceLROnPlateau only when the validation loss stops improving.",
        "ko": "숫자 데이터에서 기본 SGD를 쓸 때 학습률 0.001은 너무 작고(손실이 ln 10 = 2.30에서 아주 천천히 내려가 모든 에폭이 끝나도 1.5 위에 있습니다), 0.5는 적당하며(테스트 정확도 90% 이상), 5는 너무 큽니다. 첫 몇 걸음에 가중치가 폭주하고 손실이 처음보다 훨씬 커져 결국 찍는 것보다 나을 게 없습니다. 학습률 스케줄은 학습이 진행될수록 학습률을 낮춥니다: 계단식 감쇠, 지수 감쇠, 그리고 손실이 정체될 때만 낮추는 ReduceLROnPlateau.",
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
        "ko": "길쭉한 그릇 모양 함수 f(x, y) = x^2/20 + y^2에서 기본 SGD는 가파른 y 방향으로 지그재그하며(매 걸음 y의 부호가 바뀝니다) x 방향으로는 기어갑니다. 모멘텀은 지그재그를 몇 번의 큰 흔들림으로 부드럽게 만들고, AdaGrad와 RMSProp은 좌표마다 자기 기울기 이력으로 크기를 조절해 y 비탈을 건너뛰지 않고 내려갑니다. 숫자 데이터에서도 모멘텀과 적응형 방법들이 같은 에폭 동안 기본 SGD보다 낮은 학습 손실에 도달합니다.",
    },
    "lesson.overfitting.title": {
        "en": "Over-fitting and its remedies",
        "ko": "과적합과 그 처방",
    },
    "lesson.overfitting.claim": {
        "en": "A large MLP trained on only 60 digits drives its training loss to almost 0 while its test loss stays far higher: a generalization gap. L2 weight decay, dropout, data augmentation (random 1-pixel shifts) and early stopping each shrink that gap (test loss minus training loss) compared with the unregularized network.",
        "ko": "숫자 60개만으로 학습한 큰 MLP는 학습 손실을 거의 0까지 낮추지만 테스트 손실은 훨씬 높게 남습니다. 이것이 일반화 격차입니다. L2 가중치 감쇠, 드롭아웃, 데이터 증강(무작위 1픽셀 이동), 조기 종료는 각각 규제가 없는 신경망보다 그 격차(테스트 손실 - 학습 손실)를 줄입니다.",
    },
    "lesson.perceptron-xor.title": {
        "en": "The perceptron and XOR",
        "ko": "퍼셉트론과 XOR",
    },
    "lesson.perceptron-xor.claim": {
        "en": "XOR is not linearly separable, so a perceptron (one threshold unit, one straight decision line) gets at most 3 of its 4 points right, whatever it does; a 2-layer MLP (2-4-1, tanh hidden layer) trained by backpropagation classifies all 4.",
        "ko": "XOR은 선형 분리가 불가능하므로, 퍼셉트론(임계값 유닛 하나, 직선 결정 경계 하나)은 무엇을 해도 4개의 점 중 최대 3개만 맞힙니다. 오차역전파법으로 학습한 2층 MLP(2-4-1, 은닉층은 tanh)는 4개를 모두 맞힙니다.",
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
        "ko": "빠른 모드(작은 설정)",
    },
    "report.mode_full": {
        "en": "full mode",
        "ko": "전체 모드",
    },
    "report.intro": {
        "en": "mitbadak {version}, {mode}, seed {seed}, {when}; {n} lessons in {seconds:.0f} s. Each section states a claim, then the numbers measured by training with mitbadak that support it.",
        "ko": "mitbadak {version}, {mode}, 시드 {seed}, {when}; 수업 {n}개, {seconds:.0f}초. 각 절은 먼저 주장을 밝히고, 이어서 mitbadak으로 직접 학습시켜 측정한 숫자로 그 주장을 뒷받침합니다.",
    },
    "cli.error": {
        "en": "mitbadak: error: {error}",
        "ko": "mitbadak: 오류: {error}",
    },
    "cli.interrupted": {
        "en": "mitbadak: interrupted",
        "ko": "mitbadak: 중단되었습니다",
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
        "ko": "{name}: {seconds:.1f}초 만에 끝남, 그림 {figures}개",
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
        "ko": "AND와 OR은 정확히 학습됩니다. 그런데 XOR에서는 학습 규칙이 끝없이 가중치를 고치기만 합니다. 직선 하나로 나눈 반평면에 (0,1)과 (1,0)을 넣으면서 (0,0)과 (1,1)을 뺄 수는 없기 때문입니다. 네 부등식 w2+b > 0, w1+b > 0, b <= 0, w1+w2+b <= 0을 동시에 만족하는 가중치와 편향은 없습니다.",
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
        "ko": "backward가 GraphError를 냄",
    },
    "lesson.activations.intro": {
        "en": "Every derivative below was computed by mitbadak's autograd: `y = f(x)`, `y.sum().backward()`, then `x.grad` holds f'(x) at every point of the grid.",
        "ko": "아래의 도함수는 모두 mitbadak의 자동미분으로 구했습니다. `y = f(x)`, `y.sum().backward()`를 하면 `x.grad`에 격자의 모든 점에서의 f'(x)가 들어 있습니다.",
    },
    "lesson.activations.col_function": {
        "en": "function",
        "ko": "함수",
    },
    "lesson.activations.col_note": {
        "en": "note",
        "ko": "비고",
    },
    "lesson.activations.why_step": {
        "en": "**Why the step gives no gradient.** Its derivative is 0 for every x != 0 and does not exist at 0. A zero gradient says nothing about which way to move a weight, so no learning happens; mitbadak's `step` therefore refuses to backpropagate: `{note}`. Sigmoid was introduced as a smooth step whose slope (at most {max_sigmoid:.3f}) tells the weights which way to go.",
        "ko": "**계단함수에는 왜 기울기가 없을까요?** 도함수가 x != 0인 모든 곳에서 0이고 0에서는 정의되지 않습니다. 기울기가 0이면 가중치를 어느 쪽으로 움직여야 할지 알 수 없으니 학습이 일어나지 않습니다. 그래서 mitbadak의 `step`은 역전파를 거부합니다: `{note}`. 시그모이드는 부드러운 계단함수로 도입되었고, 그 기울기(최대 {max_sigmoid:.3f})가 가중치가 갈 방향을 알려 줍니다.",
    },
    "lesson.activations.saturation": {
        "en": "Sigmoid's slope is only {far_sigmoid:.2g} at |x| = 5 and tanh's {far_tanh:.2g}: saturated units pass almost no gradient, which is the root of the vanishing-gradient problem (see that lesson). ReLU's slope is exactly 1 for x > 0 but 0 for x < 0 (a \"dead\" unit); leaky ReLU ({leaky:.2g} at x = -2), ELU ({elu:.2g}) and GELU ({gelu:.2g}) keep some gradient there.",
        "ko": '|x| = 5에서 시그모이드의 기울기는 {far_sigmoid:.2g}, tanh는 {far_tanh:.2g}에 불과합니다. 포화된 유닛은 기울기를 거의 전달하지 못하고, 이것이 기울기 소실 문제의 뿌리입니다(기울기 소실 수업 참고). ReLU의 기울기는 x > 0에서 정확히 1이지만 x < 0에서는 0입니다("죽은" 유닛). leaky ReLU(x = -2에서 {leaky:.2g}), ELU({elu:.2g}), GELU({gelu:.2g})는 그곳에서도 기울기를 조금 남깁니다.',
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
        "ko": "은닉층 활성값의 히스토그램(5개 층 x 유닛 100개)",
    },
    "lesson.weight-init.caption": {
        "en": "activation histograms per init",
        "ko": "초기화 방법별 활성값 히스토그램",
    },
    "lesson.weight-init.zero": {
        "en": "**Zero initialization.** A sigmoid network 64-32-32-10 with every weight 0 was trained for {steps} SGD steps on the digits. The first layer's weights did move (largest |w| = {moved:.3g}), but its 32 columns, one per hidden unit, are still identical: the largest difference between any unit's weights and unit 1's is {spread:.3g} (layer 2: {spread2:.3g}). Identical units receive identical gradients, so the symmetry is never broken and the layer behaves like a single neuron. Random initialization is what makes units different.",
        "ko": "**가중치를 모두 0으로 초기화하면.** 모든 가중치가 0인 시그모이드 신경망 64-32-32-10을 숫자 데이터로 SGD {steps}걸음 학습시켰습니다. 첫 층의 가중치는 움직이기는 했지만(가장 큰 |w| = {moved:.3g}), 은닉 유닛 하나에 하나씩인 32개의 열은 여전히 똑같습니다. 어느 유닛의 가중치와 1번 유닛의 가중치 사이의 가장 큰 차이가 {spread:.3g}입니다(2층: {spread2:.3g}). 똑같은 유닛은 똑같은 기울기를 받으므로 대칭이 깨지지 않고, 층 전체가 뉴런 하나처럼 행동합니다. 유닛들을 서로 다르게 만드는 것이 바로 무작위 초기화입니다.",
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
        "ko": "학습률",
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
        "ko": "학습률 스케줄입니다. 모두 학습률 {lr0}(모멘텀 0.9인 SGD, 학습 후반에는 흔들릴 만큼 큰 값)에서 시작하고, `fit`의 `LearningRateScheduler`와 `ReduceLROnPlateau` 콜백이 학습률을 조절합니다:",
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
    "lesson.learning-rate.plateau": {
        "en": "ReduceLROnPlateau halved the rate after epochs {cuts}: each time the validation loss had not improved on its best for one epoch.",
        "ko": "ReduceLROnPlateau는 에폭 {cuts} 뒤에 학습률을 절반으로 줄였습니다. 검증 손실이 한 에폭 동안 최고 기록보다 나아지지 않을 때마다입니다.",
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
    "lesson.overfitting.aug_note": {
        "en": "*Data augmentation: {note}.*",
        "ko": "*데이터 증강: {note}.*",
    },
    "lesson.overfitting.relative": {
        "en": "Relative to the baseline's loss gap of {base:.3f}: {changes}. L2 keeps the weights small, dropout keeps units from co-adapting on the few examples, early stopping returns the weights of the epoch with the best validation loss, before memorization sets in.",
        "ko": "규제 없는 기준 신경망의 손실 격차 {base:.3f}에 비해: {changes}. L2 규제는 가중치를 작게 유지하고, 드롭아웃은 적은 예제에 유닛들이 서로 기대어 맞춰지는 것을 막으며, 조기 종료는 외우기가 시작되기 전, 검증 손실이 가장 좋았던 에폭의 가중치로 되돌립니다.",
    },
    "lesson.overfitting.no_remedy": {
        "en": "no remedy",
        "ko": "없음",
    },
    "lesson.overfitting.better": {
        "en": "A smaller gap is not automatically a better test score: here {better} beat the baseline's test accuracy of {base_acc:.3f}; the others closed the gap partly by fitting the training set less tightly. Their strengths (L2 coefficient, dropout rate, patience) are hyper-parameters to tune on the validation set.",
        "ko": "격차가 작다고 테스트 점수가 저절로 좋아지는 것은 아닙니다. 기준 신경망의 테스트 정확도 {base_acc:.3f}를 넘은 처방은 {better}입니다. 나머지는 학습 데이터에 덜 꼭 맞추는 방식으로 격차를 일부 줄였습니다. 처방의 세기(L2 계수, 드롭아웃 비율, patience)는 검증 데이터로 조정할 하이퍼파라미터입니다.",
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
        "ko": "ReLU를 쓰는 다층 퍼셉트론 64-(64)x4-10을 기본 SGD, 배치 크기 32로 숫자 {n}장에 {epochs}에폭 학습시켰습니다. 가중치는 N(0, std^2)에서 뽑습니다. 마지막 에폭이 끝난 뒤의 정확도입니다(학습 정확도는 학습 모드에서 그 에폭의 배치들에 대한 평균):",
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
        "ko": "{n}가지 설정 중 {wins}가지에서 BatchNormalization을 쓴 쪽의 학습 정확도가 더 높았습니다. BN의 가장 나쁜 설정도 {worst_bn:.3f}에 도달했지만, BN이 없는 신경망의 가장 나쁜 설정은 {worst_plain:.3f}였고, {near_chance}가지 설정에서는 우연 수준에 머물렀습니다. 학습률이 크면 BN의 *테스트* 정확도가 학습 정확도보다 뒤처질 수 있습니다. 평가 모드에서는 배치 통계의 이동 평균으로 정규화하는데, 이 평균이 아직 빠르게 움직이는 가중치를 늦게 따라가기 때문입니다. BN이 없으면 표준편차 1은 층을 지날 때마다 활성값을 폭발시키고 0.01은 사라지게 합니다(가중치 초기화 수업 참고). BN은 각 유닛을 배치의 표준편차로 나누므로 가중치의 크기가 더는 중요하지 않고, 더 큰 학습률을 쓸 수 있게 됩니다.",
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
        "ko": "전체 투표({acc:.3f})",
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
    "lesson.width-vs-depth.fig_wider": {
        "en": "wider (1 hidden layer)",
        "ko": "넓게(은닉층 1개)",
    },
    "lesson.width-vs-depth.fig_deeper": {
        "en": "deeper (width 32)",
        "ko": "깊게(너비 32)",
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
        "ko": "유닛 {width}개짜리 Dense 은닉층 {depth}개와 소프트맥스 출력층으로 된 신경망을, 학습하기 전에 숫자 256장에 대해 `backward()`를 한 번 했을 때 층별 dLoss/dkernel의 노름입니다.",
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
        "ko": "`mitbadak.graphviz.trace(loss)`는 `loss.backward()`가 그래프를 지우기 전에 계산 그래프를 찍어 두고(`mitbadak.tensor.iter_graph`), 중간 텐서마다 기울기를 남겨 두게 합니다. 그다음 `to_dot()`이 Graphviz DOT 글을 씁니다. 타원 하나하나는 텐서(값과 dL/d텐서)이고, 상자는 그 텐서를 만든 연산입니다.",
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
        "ko": "Graphviz의 `dot` 프로그램이 설치되어 있지 않아 그래프를 글(`neuron_graph.dot`, `network_graph.dot`)로 저장했습니다. `dot -Tpng neuron_graph.dot -o neuron_graph.png`로 그림을 그리거나(Graphviz 설치: `apt install graphviz`, `brew install graphviz`, `conda install graphviz`), 온라인 Graphviz 뷰어에 붙여 넣으세요. 뉴런 하나의 그래프:",
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
        "ko": "k-평균의 중심(순도 {purity:.1%}), 제목은 군집에서 가장 많은 숫자",
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
        "ko": "클래스 3개인 2차원 점들로, 학습용 {n_train}개와 테스트용 {n_test}개입니다. `LogisticRegression`(소프트맥스)과 `LinearSVC`(제곱 힌지, 일대다, 쌍대 좌표 하강법):",
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
        "ko": "건강한 신경망: Dense(64, relu, He) -> Dense(64, relu, He) -> Dense(10) 점수, SGD 학습률 {lr} 모멘텀 0.9, 로짓에서 계산하는 소프트맥스 교차 엔트로피, 배치 크기 32, 8x8 숫자 데이터, {epochs}에폭. 한 행마다 한 가지를 망가뜨리고, `Doctor()`가 망가뜨린 학습과 고친 학습을 모두 지켜봅니다.",
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
    "lesson.debugging.caption": {
        "en": "loss curves, broken (red) and fixed (green)",
        "ko": "손실 곡선, 망가뜨린 학습(빨강)과 고친 학습(초록)",
    },
    "lesson.l1-vs-l2.intro": {
        "en": "{n} samples, 10 features, y = 3 x0 - 2 x1 + 1.5 x2 + noise. Fitted coefficients (least squares, `Ridge(alpha=100)`, `Lasso(alpha=0.3)`):",
        "ko": "샘플 {n}개, 특성 10개, y = 3 x0 - 2 x1 + 1.5 x2 + 잡음. 맞춘 계수(최소제곱 선형회귀, `Ridge(alpha=100)`, `Lasso(alpha=0.3)`):",
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
    "lesson.l1-vs-l2.why": {
        "en": "Why: near 0, the L2 penalty's slope 2aw vanishes, so it never pushes a small weight all the way to 0; the L1 penalty's slope is a constant a sign(w), which beats a weak feature's gradient and pins it at exactly 0 (soft thresholding in coordinate descent).",
        "ko": "왜 그럴까요? 0 근처에서 L2 벌점의 기울기 2aw는 사라지므로, 작은 가중치를 끝까지 0으로 밀어붙이지 못합니다. L1 벌점의 기울기는 상수 a sign(w)라서, 약한 특성의 기울기를 이기고 그 가중치를 정확히 0에 고정합니다(좌표 하강법의 소프트 임계값).",
    },
    "lesson.l1-vs-l2.path": {
        "en": "Along the lasso path ({n_alphas} alphas from 3 down to 0.001) the number of non-zero coefficients grows from {first} to {last}; the useful features enter first (at alpha {e0:.3g}, {e1:.3g}, {e2:.3g}). Along the ridge path (alpha from 1e5 to 0.01) all {ridge_n} coefficients are non-zero at every alpha.",
        "ko": "라쏘 경로(alpha를 3부터 0.001까지 {n_alphas}개)를 따라가면 0이 아닌 계수의 개수가 {first}개에서 {last}개로 늘어나고, 유용한 특성이 먼저 들어옵니다(alpha {e0:.3g}, {e1:.3g}, {e2:.3g}에서). 릿지 경로(alpha 1e5부터 0.01까지)에서는 모든 alpha에서 {ridge_n}개 계수가 모두 0이 아닙니다.",
    },
    "lesson.l1-vs-l2.geometry": {
        "en": "The geometry: a penalized fit is a constrained one, min ||y - Xw||² subject to ||w||_p <= r, so the solution is where the loss's elliptic contours first touch the ball. The L1 ball is a diamond with corners on the axes, and the contours usually touch it at a corner, where a coordinate is 0; the L2 ball is round, so the touching point is generically off the axes. Measured areas of the unit balls (L1, L2, L-infinity): {areas} (exact: 2, π, 4). On 2 features (y = 2 x0 + 0.4 x1 + noise): least squares {ols}, `Lasso(alpha=0.5)` {lasso}, `Ridge(alpha=60)` {ridge}.",
        "ko": "기하학적으로 보면: 벌점을 더한 학습은 제약이 있는 학습, 즉 ||w||_p <= r 조건 아래 min ||y - Xw||²와 같으므로, 해는 손실의 타원 등고선이 공에 처음 닿는 곳입니다. L1 공은 축 위에 꼭짓점이 있는 마름모라서 등고선이 대개 꼭짓점, 곧 한 좌표가 0인 곳에 닿습니다. L2 공은 둥글어서 닿는 점이 보통 축 위에 있지 않습니다. 단위 공의 넓이를 재 보면(L1, L2, L-무한대): {areas}(정확한 값: 2, π, 4). 특성 2개(y = 2 x0 + 0.4 x1 + 잡음)에서: 최소제곱 {ols}, `Lasso(alpha=0.5)` {lasso}, `Ridge(alpha=60)` {ridge}.",
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
        "ko": "출력이 이미 {act}를 거쳤는데 손실함수 {name}에 from_logits=True가 설정되어 있어, 확률에 소프트맥스/시그모이드를 한 번 더 씌웁니다. 손실이 0에 도달할 수 없고 기울기도 납작해집니다.",
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
        "ko": "특성을 표준화하세요: x = (x - {mean:.3g}) / {std:.3g}. 또는 학습 데이터로 mitbadak.data.StandardScaler를 맞추세요.",
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
        "ko": "fit에 class_weight={weights}를 주거나(가중치 n / (클래스 수 x 개수)) 드문 클래스를 다시 표집하세요. 모델은 정확도가 아니라 클래스별 재현율이나 F1으로 평가하세요.",
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
        "ko": "배치 {batch}에서 손실이 {loss}가 되었습니다. 가중치가 넘쳐흐른 것입니다. 흔한 원인은 이 신경망에 비해 너무 큰 학습률{lr_text}이고, 가끔은 직접 만든 손실함수 안의 0의 로그나 0으로 나누기입니다.",
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
        "ko": "활성함수의 양 끝에 붙어 버린 유닛: 표본 출력의 {text}. 그곳에서는 시그모이드 / tanh의 기울기가 거의 0이라 기울기가 거의 전달되지 않습니다. 활성함수 입력값이 너무 큽니다(큰 가중치나 정규화하지 않은 입력).",
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
    # ---- errors (MitbadakError(key=...)): models, layers, losses, metrics, optimizers, tensors ----
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
        raise ConfigError(f"message: no message {key!r}")
    text = MESSAGES[key][current_lang(lang)]
    return text.format(**values) if values else text


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
