/**
 * Sino-Korean readings of Han characters (hanja), in the simplified McCune-Reischauer the DPRK
 * entries on the lists use (`KIM`, `PAK`, `CHOE`, `RI`, `CHOL`): `金铁三` is KIM CHOL SAM in
 * Korean and Jin Tiesan in pinyin. A Korean name written in hanja shares no reading with its
 * pinyin, so a name holding characters of this table is also screened and indexed under its
 * Korean reading (`koreanReading`), an additional reading beside the pinyin one. The table covers
 * the common Korean surnames and frequent given-name and company-name characters, traditional
 * and simplified forms; other characters keep their pinyin.
 *
 * @module
 */

const READINGS = `
金 kim 李 ri 朴 pak 崔 choe 鄭 chong 郑 chong 姜 kang 趙 cho 赵 cho 尹 yun 張 jang 张 jang
林 rim 韓 han 韩 han 吳 o 吴 o 徐 so 申 sin 權 kwon 权 kwon 黃 hwang 黄 hwang 安 an 宋 song
柳 ryu 洪 hong 全 jon 高 ko 文 mun 孫 son 孙 son 梁 ryang 裵 pae 白 paek 曺 cho 許 ho 许 ho
南 nam 沈 sim 盧 ro 卢 ro 丁 jong 河 ha 郭 kwak 成 song 車 cha 车 cha 朱 ju 禹 u 具 ku 辛 sin
任 im 閔 min 闵 min 兪 yu 羅 ra 罗 ra 池 ji 嚴 om 严 om 元 won 蔡 chae 千 chon 方 pang 孔 kong
玄 hyon 咸 ham 卞 pyon 廉 yom 楊 yang 杨 yang 呂 ryo 吕 ryo 秋 chu 魯 ro 鲁 ro 石 sok 薛 sol
吉 kil 周 ju 延 yon 魏 wi 明 myong 奇 ki 王 wang 玉 ok 陸 ryuk 陆 ryuk 印 in 孟 maeng 卓 thak
鐵 chol 铁 chol 哲 chol 三 sam 一 il 日 il 正 jong 恩 un 男 nam 勇 yong 永 yong 英 yong
光 kwang 浩 ho 虎 ho 國 kuk 国 kuk 善 son 順 sun 顺 sun 淑 suk 子 ja 東 tong 东 tong 春 chun
花 hwa 龍 ryong 龙 ryong 秀 su 賢 hyon 贤 hyon 智 ji 仁 in 俊 jun 植 sik 敏 min 鍾 jong
钟 jong 根 kun 基 ki 泰 thae 學 hak 学 hak 雄 ung 革 hyok 赫 hyok 錫 sok 锡 sok 大 tae
中 jung 萬 man 万 man 信 sin 鎭 jin 镇 jin 柱 ju 宗 jong 容 yong 在 jae 相 sang 昌 chang
海 hae 漢 han 汉 han 朝 cho 鮮 son 鲜 son 聯 ryon 联 ryon 合 hap 會 hoe 会 hoe 社 sa 公 kong
司 sa 貿 mu 贸 mu 易 yok 銀 un 银 un 行 haeng 技 ki 術 sul 术 sul 機 ki 机 ki 械 kye 船 son
務 mu 务 mu 際 je 际 je 運 un 运 un 峰 pong 奉 pong 珠 ju 道 to 德 tok 秉 pyong 炳 pyong
`;

/** Character → Korean reading. */
export const HAN_KOREAN: ReadonlyMap<string, string> = (() => {
  const parts = READINGS.trim().split(/\s+/u);
  const table = new Map<string, string>();
  for (let i = 0; i + 1 < parts.length; i += 2) {
    table.set(parts[i]!, parts[i + 1]!);
  }
  return table;
})();

/**
 * The name with each tabled Han character replaced by its Korean reading as a word of its own
 * (`金铁三` → `kim chol sam`), or `undefined` when it holds none (most names: then nothing more
 * is screened or indexed). Characters not in the table stay as they are.
 */
export function koreanReading(name: string): string | undefined {
  let out = '';
  let found = false;
  for (const ch of name) {
    const reading = HAN_KOREAN.get(ch);
    if (reading === undefined) {
      out += ch;
    } else {
      found = true;
      out += ` ${reading} `;
    }
  }
  return found ? out.replace(/ {2,}/gu, ' ').trim() : undefined;
}
