package com.keyaccount.crm.demo;

import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Real cities of each sales region (大区) with their province, telephone area code and a few
 * districts, so a customer's region, company name, address and phone agree: a company in 南京 is
 * in 华东, at 江苏省南京市鼓楼区…, phone 025-….
 */
final class DemoPlaces {

    /** One city: its province (empty for the four municipalities), area code and districts. */
    record City(String name, String province, String areaCode, String[] districts) {

        String address(SplittableRandom random) {
            return province + name + "市" + districts[random.nextInt(districts.length)]
                    + STREETS[random.nextInt(STREETS.length)] + (1 + random.nextInt(999)) + "号";
        }

        String phone(SplittableRandom random) {
            return areaCode + "-" + (50_000_000 + random.nextInt(40_000_000));
        }
    }

    private static final String[] STREETS = {"人民路", "中山路", "解放路", "建设路", "长江路", "和平路", "新华路",
        "工业大道", "科技路", "创业路", "迎宾大道", "文化路", "高新路", "振兴路", "兴业路", "滨河路"};

    private static final Map<String, City[]> BY_REGION = Map.of(
            "NORTH", new City[] {
                city("北京", "", "010", "朝阳区 海淀区 丰台区 大兴区"),
                city("天津", "", "022", "和平区 河西区 南开区 滨海新区"),
                city("石家庄", "河北省", "0311", "长安区 桥西区 裕华区"),
                city("唐山", "河北省", "0315", "路北区 路南区"),
                city("保定", "河北省", "0312", "竞秀区 莲池区"),
                city("太原", "山西省", "0351", "小店区 迎泽区"),
                city("呼和浩特", "内蒙古自治区", "0471", "新城区 赛罕区")},
            "NORTHEAST", new City[] {
                city("沈阳", "辽宁省", "024", "和平区 沈河区 铁西区 浑南区"),
                city("大连", "辽宁省", "0411", "中山区 西岗区 甘井子区"),
                city("长春", "吉林省", "0431", "朝阳区 南关区 绿园区"),
                city("哈尔滨", "黑龙江省", "0451", "南岗区 道里区 香坊区"),
                city("大庆", "黑龙江省", "0459", "萨尔图区 让胡路区")},
            "EAST", new City[] {
                city("上海", "", "021", "浦东新区 徐汇区 闵行区 静安区 嘉定区"),
                city("南京", "江苏省", "025", "鼓楼区 玄武区 江宁区 建邺区"),
                city("苏州", "江苏省", "0512", "姑苏区 吴中区 相城区 虎丘区"),
                city("无锡", "江苏省", "0510", "梁溪区 滨湖区 新吴区"),
                city("杭州", "浙江省", "0571", "西湖区 拱墅区 滨江区 余杭区"),
                city("宁波", "浙江省", "0574", "鄞州区 海曙区 江北区"),
                city("温州", "浙江省", "0577", "鹿城区 瓯海区"),
                city("合肥", "安徽省", "0551", "蜀山区 包河区 庐阳区"),
                city("济南", "山东省", "0531", "历下区 市中区 槐荫区"),
                city("青岛", "山东省", "0532", "市南区 市北区 黄岛区"),
                city("福州", "福建省", "0591", "鼓楼区 台江区 仓山区"),
                city("厦门", "福建省", "0592", "思明区 湖里区 集美区"),
                city("南昌", "江西省", "0791", "东湖区 西湖区 红谷滩区")},
            "SOUTH", new City[] {
                city("广州", "广东省", "020", "天河区 越秀区 海珠区 白云区 番禺区"),
                city("深圳", "广东省", "0755", "福田区 南山区 罗湖区 宝安区 龙岗区"),
                city("东莞", "广东省", "0769", "南城街道 长安镇 虎门镇"),
                city("佛山", "广东省", "0757", "禅城区 南海区 顺德区"),
                city("珠海", "广东省", "0756", "香洲区 金湾区"),
                city("南宁", "广西壮族自治区", "0771", "青秀区 兴宁区 西乡塘区"),
                city("海口", "海南省", "0898", "龙华区 美兰区")},
            "CENTRAL", new City[] {
                city("武汉", "湖北省", "027", "江汉区 武昌区 洪山区 汉阳区"),
                city("宜昌", "湖北省", "0717", "西陵区 伍家岗区"),
                city("长沙", "湖南省", "0731", "岳麓区 芙蓉区 天心区 雨花区"),
                city("株洲", "湖南省", "0731", "天元区 芦淞区"),
                city("郑州", "河南省", "0371", "金水区 二七区 中原区"),
                city("洛阳", "河南省", "0379", "西工区 洛龙区")},
            "SOUTHWEST", new City[] {
                city("成都", "四川省", "028", "武侯区 锦江区 青羊区 成华区"),
                city("绵阳", "四川省", "0816", "涪城区 游仙区"),
                city("重庆", "", "023", "渝中区 江北区 南岸区 九龙坡区"),
                city("贵阳", "贵州省", "0851", "南明区 云岩区 观山湖区"),
                city("昆明", "云南省", "0871", "五华区 盘龙区 官渡区")},
            "NORTHWEST", new City[] {
                city("西安", "陕西省", "029", "雁塔区 碑林区 未央区 新城区"),
                city("兰州", "甘肃省", "0931", "城关区 七里河区"),
                city("银川", "宁夏回族自治区", "0951", "兴庆区 金凤区"),
                city("西宁", "青海省", "0971", "城西区 城东区"),
                city("乌鲁木齐", "新疆维吾尔自治区", "0991", "天山区 沙依巴克区")});

    private DemoPlaces() {
    }

    private static City city(String name, String province, String areaCode, String districts) {
        return new City(name, province, areaCode, districts.split(" "));
    }

    /** A city of the region (a {@code Region} code); the larger cities come first and are picked more often. */
    static City in(String region, SplittableRandom random) {
        City[] cities = BY_REGION.get(region);
        // the lower of two draws: a book has more customers in 上海 than in 温州
        return cities[Math.min(random.nextInt(cities.length), random.nextInt(cities.length))];
    }

    /**
     * A company name in the city that no other customer has: a name word, or two when the single
     * ones are taken (at benchmark size), and a branch number as the last resort.
     */
    static String companyName(City city, String industrySuffix, SplittableRandom random, Set<String> taken) {
        String[] words = DemoWords.WORDS;
        for (int attempt = 0; attempt < 8; attempt++) {
            String word = words[random.nextInt(words.length)]
                    + (attempt < 3 ? "" : words[random.nextInt(words.length)]);
            String name = city.name() + word + industrySuffix + "有限公司";
            if (taken.add(name)) {
                return name;
            }
        }
        for (int branch = 2; ; branch++) {
            String name = city.name() + words[0] + industrySuffix + "有限公司第" + branch + "分公司";
            if (taken.add(name)) {
                return name;
            }
        }
    }
}
