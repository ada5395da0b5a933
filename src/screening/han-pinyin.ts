/**
 * A compact Han→pinyin table (toneless, one reading per character): the characters of the
 * original-script names in the UN consolidated list, the hundred most common Chinese surnames,
 * frequent given-name characters and the words of Chinese company names (有限公司 = "youxian
 * gongsi", Co. Ltd.). Anything else takes the fallback described in `east-asian-scripts.ts`.
 *
 * @module
 */

const LISTING = `
有 you 限 xian 公 gong 司 si 海 hai 金 jin 铁 tie 鐵 tie 三 san 朝 chao 鲜 xian 鮮 xian 联 lian 聯 lian
合 he 机 ji 機 ji 械 xie 贸 mao 貿 mao 易 yi 会 hui 會 hui 社 she 长 chang 長 chang 安 an 连 lian 連 lian
技 ji 术 shu 術 shu 华 hua 華 hua 信 xin 船 chuan 务 wu 務 wu 香 xiang 港 gang 沈 shen 忠 zhong 国 guo
國 guo 际 ji 際 ji 运 yun 運 yun
王 wang 李 li 张 zhang 張 zhang 刘 liu 劉 liu 陈 chen 陳 chen 杨 yang 楊 yang 黄 huang 黃 huang 赵 zhao
趙 zhao 吴 wu 吳 wu 周 zhou 徐 xu 孙 sun 孫 sun 马 ma 馬 ma 朱 zhu 胡 hu 郭 guo 何 he 高 gao 林 lin
罗 luo 羅 luo 郑 zheng 鄭 zheng 梁 liang 谢 xie 謝 xie 宋 song 唐 tang 许 xu 許 xu 韩 han 韓 han 冯 feng
馮 feng 邓 deng 鄧 deng 曹 cao 彭 peng 曾 zeng 肖 xiao 田 tian 董 dong 袁 yuan 潘 pan 于 yu 蒋 jiang
蔣 jiang 蔡 cai 余 yu 杜 du 叶 ye 葉 ye 程 cheng 苏 su 蘇 su 魏 wei 吕 lv 呂 lv 丁 ding 任 ren 姚 yao
卢 lu 盧 lu 姜 jiang 崔 cui 钟 zhong 鍾 zhong 谭 tan 譚 tan 陆 lu 陸 lu 汪 wang 范 fan 石 shi 廖 liao
贾 jia 賈 jia 夏 xia 韦 wei 韋 wei 付 fu 方 fang 白 bai 邹 zou 鄒 zou 孟 meng 熊 xiong 秦 qin 邱 qiu
江 jiang 尹 yin 薛 xue 闫 yan 段 duan 雷 lei 侯 hou 龙 long 龍 long 史 shi 陶 tao 黎 li 贺 he 賀 he
顾 gu 顧 gu 毛 mao 郝 hao 龚 gong 邵 shao 万 wan 萬 wan 钱 qian 錢 qian 严 yan 嚴 yan 武 wu 戴 dai
莫 mo 孔 kong 向 xiang 汤 tang 湯 tang 朴 pu 文 wen 习 xi 習 xi 毛 mao 温 wen 溫 wen
伟 wei 偉 wei 芳 fang 娜 na 敏 min 静 jing 靜 jing 丽 li 麗 li 强 qiang 強 qiang 磊 lei 军 jun 軍 jun
洋 yang 勇 yong 艳 yan 杰 jie 傑 jie 娟 juan 涛 tao 濤 tao 明 ming 超 chao 秀 xiu 霞 xia 平 ping 刚 gang
剛 gang 桂 gui 英 ying 建 jian 德 de 春 chun 东 dong 東 dong 志 zhi 小 xiao 红 hong 紅 hong 新 xin 宏 hong
永 yong 光 guang 清 qing 正 zheng 恩 en 日 ri 成 cheng 泽 ze 澤 ze 民 min 近 jin 庆 qing 慶 qing 荣 rong
榮 rong 辉 hui 輝 hui 玉 yu 兰 lan 蘭 lan 梅 mei 云 yun 雲 yun 峰 feng 鹏 peng 鵬 peng 飞 fei 飛 fei 斌 bin
福 fu 生 sheng 龄 ling 齡 ling 大 da 中 zhong 天 tian 世 shi 家 jia 海 hai 山 shan 宝 bao 寶 bao 顺 shun
順 shun
集 ji 团 tuan 團 tuan 科 ke 实 shi 實 shi 业 ye 業 ye 投 tou 资 zi 資 zi 控 kong 股 gu 航 hang 石 shi 油 you
化 hua 工 gong 电 dian 電 dian 子 zi 能 neng 源 yuan 物 wu 流 liu 进 jin 進 jin 出 chu 口 kou 银 yin
銀 yin 行 hang 开 kai 開 kai 发 fa 發 fa 展 zhan 企 qi 产 chan 產 chan 品 pin 矿 kuang 礦 kuang 钢 gang
鋼 gang 材 cai 料 liao 设 she 設 she 备 bei 備 bei 制 zhi 造 zao 厂 chang 廠 chang 商 shang 事 shi 株 zhu
式 shi 北 bei 京 jing 上 shang 深 shen 圳 zhen 广 guang 廣 guang 州 zhou 天 tian 津 jin 大 da 连 lian
`;

/** Character → toneless pinyin. */
export const HAN_PINYIN: ReadonlyMap<string, string> = buildTable(LISTING);

function buildTable(listing: string): Map<string, string> {
  const parts = listing.trim().split(/\s+/);
  const map = new Map<string, string>();
  for (let i = 0; i + 1 < parts.length; i += 2) {
    if (!map.has(parts[i]!)) {
      map.set(parts[i]!, parts[i + 1]!);
    }
  }
  return map;
}
